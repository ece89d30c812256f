import { Anchor, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, Loading } from '../../components/states';
import { useMe } from '../../components/use-session';
import { useFormat } from '../../i18n/format';
import { labelOf, useLabelIn } from '../../i18n/labels';
import { Transition, textOf, useLostReasons, useTransitions } from './queries';

const EVIDENCE_TAB: Record<string, string> = { meeting: 'activity', brief: 'brief', offer: 'offer', defence: 'offer' };

function EvidenceLink({ entry, sampleId }: { entry: Transition; sampleId: string }) {
  const { t } = useTranslation('prospects');
  const kind = entry.evidenceKind;
  if (!kind) return null;
  const label = t(`timeline.evidence.${kind}`, { defaultValue: t('timeline.evidence.other') });
  const to = kind === 'sample' ? `/samples/${sampleId}` : EVIDENCE_TAB[kind] ? `?tab=${EVIDENCE_TAB[kind]}` : null;
  if (!to) return <Text size="xs">{label}</Text>;
  return (
    <Anchor component={Link} to={to} size="xs" c="indigo.8">
      {label}
    </Anchor>
  );
}

/** The stage history: who moved the prospect, when, from where to where, on which evidence. */
export function StageTimeline({ prospectId, sampleId }: { prospectId: string; sampleId: string }) {
  const { t } = useTranslation(['prospects', 'common']);
  const me = useMe();
  const f = useFormat();
  const log = useTransitions(prospectId);
  const reasons = useLostReasons();
  const labelIn = useLabelIn();
  // The name is the server's (its directory copy); a move without an actor is the system's.
  const actor = (entry: Transition) => {
    const id = textOf(entry.actorId);
    if (!id) return t('timeline.system');
    const name = textOf(entry.actorName) || t('timeline.someone');
    return id === me.id ? t('timeline.you', { name }) : name;
  };
  const stage = (s: string) => t(`common:stages.${s}`, { defaultValue: s });
  return (
    <section aria-labelledby="timeline-title">
      <Title order={2} size="h4" id="timeline-title" mb="sm">
        {t('timeline.title')}
      </Title>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : log.data.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('timeline.empty')}
        </Text>
      ) : (
        <Timeline
          active={log.data.length - 1}
          bulletSize={14}
          lineWidth={2}
          color="indigo.8"
          data-testid="stage-history"
        >
          {log.data.map((entry) => (
            <Timeline.Item
              key={entry.id}
              title={
                <Text size="sm" fw={600} component="span">
                  {t(`timeline.events.${entry.eventKind}`, { defaultValue: entry.eventKind })}
                </Text>
              }
            >
              <Text size="sm">
                {entry.fromStage === entry.toStage
                  ? stage(entry.toStage)
                  : t('timeline.move', { from: stage(entry.fromStage), to: stage(entry.toStage) })}
              </Text>
              <Text size="xs" c="gray.7">
                {f.dateTime(entry.at)} · {t('timeline.by', { actor: actor(entry) })}
              </Text>
              {entry.lostReasonCode ? (
                <Text size="xs">
                  {t('timeline.lostReason', {
                    reason: labelOf(reasons.data, entry.lostReasonCode, labelIn),
                  })}
                </Text>
              ) : null}
              <EvidenceLink entry={entry} sampleId={sampleId} />
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </section>
  );
}
