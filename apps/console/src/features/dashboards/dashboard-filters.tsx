import '@mantine/dates/styles.css';
import { Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { DatePickerInput, MonthPickerInput, QuarterPickerInput } from '@mantine/dates';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DashboardFilters,
  PERIOD_KINDS,
  Period,
  PeriodKind,
  addDays,
  monthOf,
  monthPeriod,
  quarterOf,
  quarterPeriod,
} from './period';
import { useProductLines, usePeople } from './queries';

const day = (value: string | Date | null) =>
  value === null ? null : typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);

/** The period picker (month, quarter, custom range) and the filters: unit (owner), salesperson, product line. */
export function DashboardFiltersBar({
  period,
  filters,
  onChange,
}: {
  period: Period;
  filters: DashboardFilters;
  onChange: (period: Period, filters: DashboardFilters) => void;
}) {
  const { t } = useTranslation('dashboards');
  const kindLabel = useId();
  const people = usePeople(filters.unitId);
  const lines = useProductLines();
  const setKind = (kind: PeriodKind) => {
    if (kind === 'month') onChange(monthPeriod(monthOf(period.from)), filters);
    else if (kind === 'quarter') onChange(quarterPeriod(quarterOf(period.from)), filters);
    else onChange({ ...period, kind }, filters);
  };
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id={kindLabel}>
            {t('filters.period')}
          </Text>
          <SegmentedControl
            aria-labelledby={kindLabel}
            value={period.kind}
            onChange={(value) => setKind(value)}
            data={PERIOD_KINDS.map((kind) => ({ value: kind, label: t(`filters.kinds.${kind}`) }))}
          />
        </Stack>
        {period.kind === 'month' ? (
          <MonthPickerInput
            label={t('filters.month')}
            value={period.from}
            onChange={(value) => value && onChange(monthPeriod(monthOf(day(value)!)), filters)}
            w={180}
          />
        ) : period.kind === 'quarter' ? (
          <QuarterPickerInput
            label={t('filters.quarter')}
            value={period.from}
            onChange={(value) => value && onChange(quarterPeriod(quarterOf(day(value)!)), filters)}
            w={180}
          />
        ) : (
          <DatePickerInput
            type="range"
            label={t('filters.range')}
            value={[period.from, addDays(period.to, -1)]}
            onChange={([from, to]) => {
              const start = day(from);
              const end = day(to);
              if (start && end) onChange({ kind: 'custom', from: start, to: addDays(end, 1) }, filters);
            }}
            w={260}
          />
        )}
        {people.owner ? (
          <Select
            label={t('filters.unit')}
            placeholder={t('filters.allUnits')}
            clearable
            value={filters.unitId ?? null}
            data={people.units.map((u) => ({ value: u.id, label: u.name }))}
            onChange={(unitId) =>
              onChange(period, { ...filters, unitId: unitId ?? undefined, salespersonId: undefined })
            }
            w={200}
          />
        ) : null}
        <Select
          label={t('filters.salesperson')}
          placeholder={t('filters.allSalespeople')}
          clearable
          searchable
          value={filters.salespersonId ?? null}
          data={people.salespeople.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(id) => onChange(period, { ...filters, salespersonId: id ?? undefined })}
          w={220}
        />
        <Select
          label={t('filters.productLine')}
          placeholder={t('filters.allLines')}
          clearable
          value={filters.productLineId ?? null}
          data={(lines.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          onChange={(id) => onChange(period, { ...filters, productLineId: id ?? undefined })}
          w={220}
        />
      </Group>
    </Stack>
  );
}
