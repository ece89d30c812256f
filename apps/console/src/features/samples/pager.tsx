import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page buttons with names a screen reader says ("Next page", "Page 3"); nothing when there is one page. */
export function Pager({ total, value, onChange }: { total: number; value: number; onChange: (page: number) => void }) {
  const { t } = useTranslation('samples');
  const { t: tc } = useTranslation();
  if (total <= 1) return null;
  return (
    <nav aria-label={tc('pagination.label')}>
      <Pagination
        total={total}
        value={value}
        onChange={onChange}
        getItemProps={(page) => ({ 'aria-label': t('pager.page', { page }) })}
        getControlProps={(control) => ({ 'aria-label': t(`pager.${control}`) })}
      />
    </nav>
  );
}
