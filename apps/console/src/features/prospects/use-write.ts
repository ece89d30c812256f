// One write of the prospect page: a success toast, the page and the board read again, the server's error kept.
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useRefreshProspect } from './queries';

export function useWrite<I, O>(
  prospectId: string,
  write: (input: I) => Promise<O>,
  success: string,
  after?: (out: O) => void,
) {
  const { t } = useTranslation('prospects');
  const refresh = useRefreshProspect(prospectId);
  const mutation = useMutation({
    mutationFn: write,
    onSuccess: async (out) => {
      notifications.show({
        color: 'teal',
        message: success,
        closeButtonProps: { 'aria-label': t('form.closeToast') },
      });
      after?.(out);
      await refresh();
    },
  });
  const error = mutation.error instanceof ApiError ? mutation.error : null;
  return {
    ...mutation,
    apiError: error,
    /** The server's problems for one field, shown next to it. */
    fieldError: (field: string) => error?.problemsFor(field),
  };
}
