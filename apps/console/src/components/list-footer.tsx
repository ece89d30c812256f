import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

/** Page buttons with names a screen reader says ("Next page", "Page 3"); nothing when there is one page. */
export function Pager({ total, value, onChange }: { total: number; value: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  if (total <= 1) return null;
  return (
    <nav aria-label={t('pagination.label')}>
      <Pagination
        total={total}
        value={value}
        onChange={onChange}
        getItemProps={(page) => ({ 'aria-label': t('pagination.page', { page }) })}
        getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
      />
    </nav>
  );
}

/** Under a paged list: which rows of how many are shown ("21–40 of 230") and the page buttons. */
export function ListFooter({
  offset,
  shown,
  total,
  pages,
  page,
  onChange,
}: {
  /** Rows before this page, rows on it, rows in all. */
  offset: number;
  shown: number;
  total: number;
  pages: number;
  page: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group justify="space-between">
      <Text size="sm" c="gray.7">
        {t('pagination.showing', {
          from: format.number(offset + 1),
          to: format.number(offset + shown),
          total: format.number(total),
        })}
      </Text>
      <Pager total={pages} value={page} onChange={onChange} />
    </Group>
  );
}
