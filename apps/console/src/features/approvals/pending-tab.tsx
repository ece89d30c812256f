import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/states';
import { Pager } from '../../components/list-footer';
import { usePageParam } from './page-param';
import { usePending } from './queries';
import { RequestCard } from './request-card';

const PER_PAGE = 10;

/**
 * What waits for my decision, each item in full. An item I decided (or tried to) stays on the page with its new
 * state and the server's answer until I leave, even though the refreshed list no longer holds it.
 */
export function PendingTab() {
  const { t } = useTranslation('approvals');
  const [page, setPage] = usePageParam();
  const pending = usePending({ limit: PER_PAGE, offset: (page - 1) * PER_PAGE });
  const [seen, setSeen] = useState<string[]>([]);
  if (pending.isPending) return <Loading />;
  if (pending.isError) return <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />;
  const listed = pending.data.items.map((i) => i.id);
  // Remember what was shown, so a decided item keeps its card (and its refusal, if it lost a race).
  const fresh = listed.filter((id) => !seen.includes(id));
  if (fresh.length > 0) setSeen([...seen, ...fresh]);
  const shown = [...listed, ...seen.filter((id) => !listed.includes(id))];
  if (shown.length === 0) return <Empty title={t('empty.pending')} />;
  return (
    <Stack gap="md">
      {shown.map((id) => (
        <RequestCard key={id} id={id} />
      ))}
      <Pager total={Math.ceil(pending.data.total / PER_PAGE)} value={page} onChange={setPage} />
    </Stack>
  );
}
