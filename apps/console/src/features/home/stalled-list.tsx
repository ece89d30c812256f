import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema.gen';
import { BlockItem, BlockList } from './block';
import { ProspectLink, SHOWN } from './block-parts';

/** Stalled prospects with the days in the stage against the limit, as the server counted them. */
export function StalledList({ prospects }: { prospects: components['schemas']['AgendaProspectDto'][] }) {
  const { t } = useTranslation('home');
  const { t: common } = useTranslation();
  return (
    <BlockList>
      {prospects.slice(0, SHOWN).map((p) => (
        <BlockItem
          key={p.id}
          primary={<ProspectLink id={p.id} name={p.companyName} />}
          secondary={t('stalled.days', {
            days: p.daysInStage,
            stage: common(`stages.${p.stage}`),
            limit: p.stageLimitDays,
          })}
        />
      ))}
    </BlockList>
  );
}
