import { Checkbox, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RuleDraft } from './policy-draft';
import { APPROVER_ROLES } from './queries';

const NOBODY = 'nobody';

/**
 * Who decides (or who may step in, with `optional`: nobody is a choice): a role, or the unit's head with a role
 * to fall back on. `at` is the field path of the rule (`steps.0.approver`), `text` the refusal of a field.
 */
export function ApproverFields({
  label,
  value,
  onChange,
  at,
  text,
  optional = false,
}: {
  label: string;
  value: RuleDraft | null;
  onChange: (value: RuleDraft | null) => void;
  at: string;
  text: (field: string) => string | undefined;
  optional?: boolean;
}) {
  const { t } = useTranslation('adminWorkflow');
  const { t: common } = useTranslation();
  const kinds = [
    ...(optional ? [{ value: NOBODY, label: t('policies.escalationNobody') }] : []),
    { value: 'unit_head', label: t('policies.kindUnitHead') },
    { value: 'role', label: t('policies.kindRole') },
  ];
  const chooseKind = (kind: string | null) => {
    if (kind === NOBODY || kind === null) onChange(null);
    else onChange({ role: 'owner', unitScoped: false, ...value, kind: kind as RuleDraft['kind'] });
  };
  return (
    <Group align="flex-start" gap="sm" wrap="wrap">
      <Select
        label={label}
        data={kinds}
        value={value?.kind ?? NOBODY}
        onChange={chooseKind}
        allowDeselect={false}
        error={text(`${at}.kind`) ?? text(at)}
        w={220}
      />
      {value ? (
        <>
          <Select
            label={value.kind === 'unit_head' ? t('policies.fallbackRole') : t('policies.role')}
            data={APPROVER_ROLES.map((role) => ({ value: role, label: common(`roles.${role}`) }))}
            value={value.role}
            onChange={(role) => role && onChange({ ...value, role: role })}
            allowDeselect={false}
            error={text(`${at}.role`) ?? text(`${at}.fallback.role`) ?? text(`${at}.fallback`)}
            w={200}
          />
          <Checkbox
            mt={32}
            label={t('policies.unitScoped')}
            checked={value.unitScoped}
            onChange={(e) => onChange({ ...value, unitScoped: e.currentTarget.checked })}
          />
        </>
      ) : null}
    </Group>
  );
}
