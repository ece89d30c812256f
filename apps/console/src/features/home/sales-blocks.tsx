import { Anchor, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { BlockItem, BlockList, HomeBlock } from './block';
import { More, ProspectLink, SHOWN } from './block-parts';
import { useAgenda } from './queries';
import { StalledList } from './stalled-list';

/** Salesperson (and a head's own work): today's meetings, own stalled prospects, own offers waiting. */
export function SalesBlocks() {
  const { t } = useTranslation('home');
  const format = useFormat();
  const agenda = useAgenda(true);
  return (
    <>
      <HomeBlock
        title={t('meetings.title')}
        query={agenda}
        count={(a) => (a.meetingsToday.length ? String(a.meetingsToday.length) : null)}
        isEmpty={(a) => a.meetingsToday.length === 0}
        empty={t('meetings.empty')}
      >
        {(a) => (
          <BlockList>
            {a.meetingsToday.slice(0, SHOWN).map((m) => (
              <BlockItem
                key={m.id}
                primary={<ProspectLink id={m.prospectId} name={m.companyName} />}
                secondary={`${format.dateTime(m.scheduledAt)} · ${t('meetings.with', { contact: m.contactName })}`}
              />
            ))}
          </BlockList>
        )}
      </HomeBlock>
      <HomeBlock
        title={t('stalled.title')}
        query={agenda}
        count={(a) => (a.stalled.length ? String(a.stalled.length) : null)}
        isEmpty={(a) => a.stalled.length === 0}
        empty={t('stalled.empty')}
        footer={
          <Anchor component={Link} to="/board?stalled=true" size="sm">
            {t('stalled.board')}
          </Anchor>
        }
      >
        {(a) => (
          <>
            <StalledList prospects={a.stalled} />
            <More total={a.stalled.length} />
          </>
        )}
      </HomeBlock>
      <HomeBlock
        title={t('offers.title')}
        query={agenda}
        count={(a) => (a.waitingOffers.length ? String(a.waitingOffers.length) : null)}
        isEmpty={(a) => a.waitingOffers.length === 0}
        empty={t('offers.empty')}
      >
        {(a) => (
          <>
            <BlockList>
              {a.waitingOffers.slice(0, SHOWN).map((o) => (
                <BlockItem
                  key={o.id}
                  primary={<ProspectLink id={o.prospectId} name={o.companyName} />}
                  secondary={`${t('offers.number', { number: o.number })} · ${format.money(o.totalMinor, o.currency)}`}
                  aside={
                    <Badge variant="light" color={o.status === 'pending_approval' ? 'blue' : 'orange'}>
                      {t(`offers.status.${o.status}`)}
                    </Badge>
                  }
                />
              ))}
            </BlockList>
            <More total={a.waitingOffers.length} />
          </>
        )}
      </HomeBlock>
    </>
  );
}
