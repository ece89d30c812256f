import { Button, Group, NumberInput, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorState, Loading } from '../../components/states';
import { notifyDone } from './notify';
import { WarningRule, useSaveRule, useWarningRules } from './queries';
import { FormRefusal, useRefusal } from './refusal';

type Kind = WarningRule['kind'];
const KINDS: Kind[] = ['prospects_without_brief', 'brief_rate_below', 'brief_cusum'];
const FIELDS = ['kind', 'minProspectsWorked', 'windowDays', 'minBriefsPerProspect', 'threshold', 'active'];
/** The brief CUSUM's default evidence (libs/domain BRIEF_CUSUM_DEFAULTS), offered for a new rule. */
const DEFAULT_THRESHOLD = 10;

/** The early-warning rules ("20 prospects worked and no brief in 60 days"): change one, retire one, add one. */
export function WarningRules() {
  const { t } = useTranslation('adminOrg');
  const rules = useWarningRules();
  return (
    <Stack gap="sm" component="section" aria-labelledby="warning-rules-title">
      <Stack gap={4}>
        <Title order={2} size="h3" id="warning-rules-title">
          {t('rules.title')}
        </Title>
        <Text size="sm" c="gray.7" maw={600}>
          {t('rules.intro')}
        </Text>
      </Stack>
      {rules.isPending ? (
        <Loading />
      ) : rules.isError ? (
        <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />
      ) : rules.data.items.length === 0 ? (
        <Empty title={t('rules.empty')} />
      ) : (
        rules.data.items.map((rule) => <RuleForm key={`${rule.id}-${rule.version}`} rule={rule} />)
      )}
      <RuleForm />
    </Stack>
  );
}

/** A new rule gets an id from its kind and the moment it is made (the API takes the id in the path). */
const newRuleId = (kind: Kind) => `${kind.replace(/_/g, '-')}-${Date.now().toString(36)}`;

function RuleForm({ rule }: { rule?: WarningRule }) {
  const { t } = useTranslation('adminOrg');
  const save = useSaveRule();
  const { forField } = useRefusal(save.error);
  const [kind, setKind] = useState<Kind>(rule?.kind ?? 'prospects_without_brief');
  const [minProspectsWorked, setMinProspects] = useState<number | string>(rule?.minProspectsWorked ?? 20);
  const [windowDays, setWindowDays] = useState<number | string>(rule?.windowDays ?? 60);
  const [ratePercent, setRatePercent] = useState<number | string>(
    rule?.minBriefsPerProspect !== undefined && rule.minBriefsPerProspect !== null
      ? Math.round(rule.minBriefsPerProspect * 10000) / 100
      : 20,
  );
  const [threshold, setThreshold] = useState<number | string>(rule?.threshold ?? DEFAULT_THRESHOLD);
  const [active, setActive] = useState(rule?.active ?? true);
  const titleId = `rule-${rule?.id ?? 'new'}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        id: rule?.id ?? newRuleId(kind),
        version: rule?.version,
        kind,
        minProspectsWorked: Number(minProspectsWorked),
        windowDays: Number(windowDays),
        ...(kind === 'brief_rate_below' ? { minBriefsPerProspect: Number(ratePercent) / 100 } : {}),
        ...(kind === 'brief_cusum' ? { threshold: Number(threshold) } : {}),
        active,
      },
      { onSuccess: () => notifyDone(t(rule ? 'rules.saved' : 'rules.created'), t) },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id={titleId}>
            {rule ? t(`rules.kinds.${rule.kind}`) : t('rules.new')}
          </Title>
          <FormRefusal error={save.error} fields={FIELDS} />
          <Group align="flex-start" gap="md" wrap="wrap">
            {rule ? null : (
              <Select
                label={t('rules.kind')}
                data={KINDS.map((k) => ({ value: k, label: t(`rules.kinds.${k}`) }))}
                value={kind}
                onChange={(value) => value && setKind(value)}
                allowDeselect={false}
                error={forField('kind')}
                w={300}
              />
            )}
            <NumberInput
              label={t('rules.minProspects')}
              min={0}
              allowDecimal={false}
              value={minProspectsWorked}
              onChange={setMinProspects}
              error={forField('minProspectsWorked')}
              w={200}
            />
            <NumberInput
              label={t('rules.windowDays')}
              min={1}
              max={730}
              allowDecimal={false}
              value={windowDays}
              onChange={setWindowDays}
              error={forField('windowDays')}
              w={160}
            />
            {kind === 'brief_rate_below' ? (
              <NumberInput
                label={t('rules.minBriefRate')}
                description={t('norms.percent')}
                min={0}
                max={100}
                value={ratePercent}
                onChange={setRatePercent}
                error={forField('minBriefsPerProspect')}
                w={200}
              />
            ) : null}
            {kind === 'brief_cusum' ? (
              <NumberInput
                label={t('rules.threshold')}
                description={t('rules.thresholdHint')}
                min={1}
                max={100}
                value={threshold}
                onChange={setThreshold}
                error={forField('threshold')}
                w={260}
              />
            ) : null}
          </Group>
          <Switch label={t('rules.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {rule ? t('form.save') : t('rules.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
