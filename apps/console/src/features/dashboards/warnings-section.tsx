import { Badge, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '../../components/list-footer';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import { DashboardFilters, scopeQuery } from './period';
import { ReportState, Section, usePercent } from './report-parts';
import { LIST_SIZE, WarningRule, useEarlyWarnings, usePeople, useWarningRules } from './queries';

/** Salespeople the early-warning rules flag now, each with the rule that fired and the evidence. */
export function WarningsSection({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation('dashboards');
  const format = useFormat();
  const [page, setPage] = useState(1);
  const warnings = useEarlyWarnings(filters, page);
  const rules = useWarningRules();
  const people = usePeople(filters.unitId);
  const ruleText = useRuleText();
  const percent = usePercent();
  const active = (rules.data?.items ?? []).filter((r) => r.active);
  return (
    <Section
      title={t('warnings.title')}
      intro={
        <Stack gap={2}>
          <span>{t('warnings.intro')}</span>
          {active.map((rule) => (
            <span key={rule.id}>• {ruleText(rule)}</span>
          ))}
        </Stack>
      }
      csv={{
        path: '/api/analytics/early-warnings',
        query: { ...scopeQuery(filters), limit: 200 },
        file: 'early-warnings.csv',
      }}
    >
      <ReportState query={warnings}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('warnings.empty')}
            </Text>
          ) : (
            <>
              <ScrollTable minWidth={720} label={t('warnings.table')}>
                <Table striped verticalSpacing="xs" aria-label={t('warnings.table')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('columns.salesperson')}</Table.Th>
                      <Table.Th>{t('warnings.rule')}</Table.Th>
                      <Table.Th ta="right">{t('warnings.worked')}</Table.Th>
                      <Table.Th ta="right">{t('warnings.briefs')}</Table.Th>
                      <Table.Th>{t('warnings.lastBrief')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((w) => {
                      const rule = rules.data?.items.find((r) => r.id === w.ruleId);
                      return (
                        <Table.Tr key={`${w.salespersonId}:${w.ruleId}`}>
                          <Table.Td fw={500}>{people.names.get(w.salespersonId) ?? t('people.colleague')}</Table.Td>
                          <Table.Td>
                            <Stack gap={2}>
                              <Badge color="red.8" variant="filled" size="sm">
                                {t(`warnings.kinds.${w.kind}`)}
                              </Badge>
                              <Text size="sm">
                                {w.evidence.cusum
                                  ? t('warnings.cusumEvidence', {
                                      since: w.evidence.cusum.since ? format.date(w.evidence.cusum.since) : '—',
                                      statistic: format.number(Math.round(w.evidence.cusum.statistic * 10) / 10),
                                      threshold: format.number(w.evidence.cusum.threshold),
                                      briefs: format.number(w.evidence.cusum.briefs),
                                      meetings: format.number(w.evidence.cusum.meetings),
                                      share: percent(w.evidence.cusum.baselineShare),
                                      expected: format.number(Math.round(w.evidence.cusum.expectedBriefs * 10) / 10),
                                      from: format.date(w.evidence.window.from),
                                      to: format.date(w.evidence.window.to),
                                    })
                                  : t('warnings.evidence', {
                                      worked: format.number(w.evidence.prospectsWorked),
                                      briefs: format.number(w.evidence.briefs),
                                      from: format.date(w.evidence.window.from),
                                      to: format.date(w.evidence.window.to),
                                    })}
                              </Text>
                              {rule ? (
                                <Text size="xs" c="gray.7">
                                  {t('warnings.fired', { rule: ruleText(rule) })}
                                </Text>
                              ) : null}
                            </Stack>
                          </Table.Td>
                          <Table.Td ta="right">{format.number(w.evidence.prospectsWorked)}</Table.Td>
                          <Table.Td ta="right">{format.number(w.evidence.briefs)}</Table.Td>
                          <Table.Td>
                            {w.evidence.lastBriefAt
                              ? t('warnings.daysAgo', {
                                  date: format.date(w.evidence.lastBriefAt),
                                  count: w.evidence.daysSinceLastBrief ?? 0,
                                })
                              : t('warnings.never')}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </ScrollTable>
              <ListFooter
                offset={data.offset}
                shown={data.items.length}
                total={data.total}
                pages={Math.max(1, Math.ceil(data.total / LIST_SIZE))}
                page={page}
                onChange={setPage}
              />
            </>
          )
        }
      </ReportState>
    </Section>
  );
}

/** A rule in words: "20 prospects worked and no brief in 60 days". */
function useRuleText() {
  const { t } = useTranslation('dashboards');
  const percent = usePercent();
  return (rule: WarningRule) => {
    switch (rule.kind) {
      case 'prospects_without_brief':
        return t('warnings.rules.prospects_without_brief', { worked: rule.minProspectsWorked, days: rule.windowDays });
      case 'brief_rate_below':
        return t('warnings.rules.brief_rate_below', {
          worked: rule.minProspectsWorked,
          days: rule.windowDays,
          rate: percent(rule.minBriefsPerProspect),
        });
      case 'brief_cusum':
        return t('warnings.rules.brief_cusum', { days: rule.windowDays, threshold: rule.threshold ?? 10 });
    }
  };
}
