import 'dayjs/locale/hu';
import { DatesProvider } from '@mantine/dates';
import { Alert, Anchor, Badge, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Empty, ErrorState, Loading } from '../../components/states';
import { useMe } from '../../components/use-session';
import { BriefTab } from '../briefs/brief-tab';
import { OfferTab } from '../offers/offer-tab';
import { ActivityTab } from './activity-tab';
import { ContractProgress } from './contract-progress';
import { labelOf, useLabelIn } from '../../i18n/labels';
import { GateChecklist } from './gate-checklist';
import { LoseButton } from './lose-button';
import { ProspectDetail, textOf, useLostReasons, useProspect } from './queries';
import { StageTimeline } from './timeline';

const TABS = ['overview', 'activity', 'brief', 'offer'] as const;
type Tab = (typeof TABS)[number];

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7" component="dt">
        {label}
      </Text>
      <Text size="sm" fw={500} component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function Header({ prospect }: { prospect: ProspectDetail }) {
  const { t } = useTranslation(['prospects', 'common']);
  const me = useMe();
  // Over the limit and stalled are the server's (libs/domain `stageTime`): the page never compares the days itself.
  const { overLimit, stalled } = prospect;
  const owner = !prospect.ownerId
    ? t('page.ownerNone')
    : textOf(prospect.ownerId) === me.id
      ? t('page.ownerYou')
      : t('page.ownerOther');
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/board" size="sm" c="indigo.8">
        {t('page.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Group gap="sm" align="center">
          <Title order={1}>{prospect.companyName}</Title>
          <Badge size="lg" variant="filled" color="indigo.8">
            {t(`common:stages.${prospect.stage}`)}
          </Badge>
          {stalled ? (
            <Badge size="lg" color="red.8">
              {t('page.stalled')}
            </Badge>
          ) : null}
        </Group>
        {!prospect.readOnly && prospect.status === 'active' ? <LoseButton prospect={prospect} /> : null}
      </Group>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 5 }} spacing="sm" m={0}>
        <Fact label={t('page.status')}>{t(`statuses.${prospect.status}`, { defaultValue: prospect.status })}</Fact>
        <Fact label={t('page.owner')}>{owner}</Fact>
        <Fact label={t('page.productLine')}>{prospect.productLineName}</Fact>
        <Fact label={t('page.daysInStage')}>
          <Text component="span" size="sm" fw={overLimit ? 700 : 500} c={overLimit ? 'red.9' : undefined}>
            {prospect.stageLimitDays === null
              ? t('page.daysNoLimit', { count: prospect.daysInStage })
              : t('page.days', { days: prospect.daysInStage, limit: prospect.stageLimitDays })}
          </Text>
        </Fact>
      </SimpleGrid>
    </Stack>
  );
}

function ReadOnlyNotice({ prospect }: { prospect: ProspectDetail }) {
  const { t } = useTranslation('prospects');
  const reasons = useLostReasons();
  const labelIn = useLabelIn();
  if (!prospect.readOnly) return null;
  let text = t('page.readOnlyOther');
  if (prospect.status === 'lost') {
    const code = prospect.lostReason?.code ?? '';
    text = t('page.readOnlyLost', { reason: labelOf(reasons.data, code, labelIn) });
  } else if (prospect.stage === 'contract') text = t('page.readOnly');
  return (
    <Alert color="gray" variant="light" role="status">
      {text}
    </Alert>
  );
}

function Overview({ prospect }: { prospect: ProspectDetail }) {
  const handedOver = prospect.stage === 'contract';
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Stack>
        {prospect.status === 'active' || handedOver ? (
          <Paper withBorder p="md" radius="md">
            <GateChecklist items={prospect.gate.items} />
          </Paper>
        ) : null}
        {handedOver ? <ContractProgress prospectId={prospect.id} /> : null}
      </Stack>
      <Paper withBorder p="md" radius="md">
        <StageTimeline prospectId={prospect.id} sampleId={prospect.sampleId} />
      </Paper>
    </SimpleGrid>
  );
}

/** One prospect: its stage, what the stage still needs, its history, and the forms that produce the results. */
export function ProspectPage() {
  const { t, i18n } = useTranslation('prospects');
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'overview';
  const prospect = useProspect(id);

  if (prospect.isPending) return <Loading />;
  if (prospect.isError) {
    if (prospect.error instanceof ApiError && [400, 404].includes(prospect.error.status)) {
      return <Empty title={t('page.notFound')} />;
    }
    return <ErrorState error={prospect.error} onRetry={() => void prospect.refetch()} />;
  }
  const p = prospect.data;
  const readOnly = p.readOnly || p.status !== 'active';

  return (
    <DatesProvider settings={{ locale: i18n.language === 'hu' ? 'hu' : 'en', firstDayOfWeek: 1 }}>
      <Stack>
        <Header prospect={p} />
        <ReadOnlyNotice prospect={p} />
        <Tabs
          value={tab}
          onChange={(value) =>
            setParams(
              (current) => {
                const next = new URLSearchParams(current);
                if (!value || value === 'overview') next.delete('tab');
                else next.set('tab', value);
                return next;
              },
              { replace: true },
            )
          }
          keepMounted={false}
        >
          <Tabs.List aria-label={t('page.tabs')}>
            {TABS.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`page.tab.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="overview" pt="md">
            <Overview prospect={p} />
          </Tabs.Panel>
          <Tabs.Panel value="activity" pt="md">
            <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
              <div style={{ gridColumn: 'span 2' }}>
                <ActivityTab prospectId={p.id} readOnly={readOnly} />
              </div>
              <Paper withBorder p="md" radius="md" h="fit-content">
                <GateChecklist items={p.gate.items} />
              </Paper>
            </SimpleGrid>
          </Tabs.Panel>
          <Tabs.Panel value="brief" pt="md">
            <BriefTab prospect={p} readOnly={readOnly} />
          </Tabs.Panel>
          <Tabs.Panel value="offer" pt="md">
            <OfferTab prospect={p} readOnly={readOnly} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </DatesProvider>
  );
}
