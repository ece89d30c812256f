import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { setupI18n } from '../../i18n';
import { FormRefusal, useRefusal } from './refusal';

beforeAll(() => {
  setupI18n('en');
});

afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

const refusal = (code: string, fields?: { field: string; problems: string[] }[]) =>
  new ApiError(409, { statusCode: 409, code, message: 'The server says no.', fields });

function Field({ error, field }: { error: unknown; field: string }) {
  const { forField } = useRefusal(error);
  return <p>{forField(field) ?? 'nothing'}</p>;
}

function show(node: React.ReactNode) {
  render(<MantineProvider>{node}</MantineProvider>);
}

describe('an admin form’s refusal', () => {
  it('puts a known code on its field in the reader’s language', async () => {
    const taken = refusal('identity.email_taken', [{ field: 'email', problems: ['is taken by another user'] }]);
    show(<Field error={taken} field="email" />);
    expect(screen.getByText('Another user already has this e-mail address.')).toBeTruthy();
    cleanup();
    await i18next.changeLanguage('hu');
    show(<Field error={taken} field="email" />);
    expect(screen.getByText('Ez az e-mail-cím már egy másik felhasználóé.')).toBeTruthy();
  });

  it('shows the server’s problems for an unknown code, and nothing for another field', () => {
    const weak = refusal('identity.weak_password', [{ field: 'password', problems: ['is too short'] }]);
    show(
      <>
        <Field error={weak} field="password" />
        <Field error={weak} field="email" />
      </>,
    );
    expect(screen.getByText('is too short')).toBeTruthy();
    expect(screen.getByText('nothing')).toBeTruthy();
  });

  it('says the sentence above the form only when no field of the form is named', () => {
    show(<FormRefusal error={refusal('identity.last_admin')} fields={['roles']} />);
    expect(screen.getByRole('alert').textContent).toContain('The server says no.');
    cleanup();
    show(<FormRefusal error={refusal('version_conflict')} fields={['roles']} />);
    expect(screen.getByRole('alert').textContent).toContain('Someone changed this meanwhile.');
    cleanup();
    const named = refusal('identity.unit_inactive', [{ field: 'unitId', problems: ['the unit is closed'] }]);
    show(<FormRefusal error={named} fields={['unitId']} />);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
