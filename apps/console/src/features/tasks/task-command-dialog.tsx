import { Button, Group, Modal, Stack } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { FormError } from '../prospects/form-error';
import { notifyDone } from './notify';
import { useTaskWrite } from './queries';

export interface TaskCommandDialogProps<V> {
  /** The button that opens the dialog: its text, accessible name and look. */
  trigger: { label: string; name: string; color?: MantineColor; variant?: 'filled' | 'outline' };
  title: string;
  submitLabel: string;
  /** The toast after the server accepted the command. */
  doneMessage: string;
  /** The field's value when the dialog opens. */
  initial: V;
  /** The API call, given the field's value. */
  command: (value: V) => Promise<unknown>;
  /** The request's body field whose problems the server names (shown under the input). */
  field: string;
  /** Whether the value may be sent yet (e.g. a person is picked). */
  ready?: (value: V) => boolean;
  /** The one input of the dialog; `opened` lets it load what it offers only when shown. */
  children: (props: { value: V; setValue: (value: V) => void; error?: string; opened: boolean }) => ReactNode;
}

/**
 * A task command that asks one thing first (complete with a result, return with a reason, reassign to a person): a
 * button, a dialog with the input, the server's field problem under it (any other refusal above the buttons), and a
 * toast when done.
 */
export function TaskCommandDialog<V>(props: TaskCommandDialogProps<V>) {
  const { t } = useTranslation('tasks');
  const [opened, { open, close }] = useDisclosure(false);
  const [value, setValue] = useState<V>(props.initial);
  const write = useTaskWrite(props.command);
  const start = () => {
    setValue(props.initial);
    write.reset();
    open();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    write.mutate(value, {
      onSuccess: () => {
        notifyDone(props.doneMessage, t('actions.closeToast'));
        close();
      },
    });
  };
  const error = write.error instanceof ApiError ? write.error.problemsFor(props.field) : undefined;
  const { trigger } = props;
  return (
    <>
      <Button
        size="xs"
        color={trigger.color}
        variant={trigger.variant ?? 'filled'}
        onClick={start}
        aria-label={trigger.name}
      >
        {trigger.label}
      </Button>
      <Modal opened={opened} onClose={close} title={props.title} closeButtonProps={{ 'aria-label': t('detail.close') }}>
        <form onSubmit={submit}>
          <Stack>
            {props.children({ value, setValue, error, opened })}
            {write.error && !error ? <FormError error={write.error} /> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('actions.cancel')}
              </Button>
              <Button
                type="submit"
                color={trigger.color}
                loading={write.isPending}
                disabled={props.ready ? !props.ready(value) : false}
              >
                {props.submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
