import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/states';
import { Pager } from '../../components/list-footer';
import { usePageParam } from './page-param';
import { useRequests } from './queries';
import { RequestCard } from './request-card';

const PER_PAGE = 5;

/** The requests I asked for, newest first: where each stands, and a recall while it waits. */
export function MineTab() {
  const { t } = useTranslation('approvals');
  const [page, setPage] = usePageParam();
  const mine = useRequests({ limit: PER_PAGE, offset: (page - 1) * PER_PAGE }, { mine: true });
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />;
  if (mine.data.total === 0) return <Empty title={t('empty.mine')} />;
  return (
    <Stack gap="md">
      {mine.data.items.map((r) => (
        <RequestCard key={r.id} id={r.id} />
      ))}
      <Pager total={Math.ceil(mine.data.total / PER_PAGE)} value={page} onChange={setPage} />
    </Stack>
  );
}
