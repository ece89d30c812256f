import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorState, Loading } from '../../components/states';
import { hasRole, useMe } from '../../components/use-session';
import { gateSentence } from '../prospects/gate-checklist';
import { useProductLines } from '../prospects/queries';
import { BoardCard, BoardColumn, BoardFilters, useBoard, useUnits } from './queries';

const PAGE = 50;

function useFilters(): [BoardFilters, (patch: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const filters: BoardFilters = {
    productLineId: params.get('productLine') ?? undefined,
    unitId: params.get('unit') ?? undefined,
    stalled: params.get('stalled') === 'true' ? true : undefined,
    q: params.get('q') ?? undefined,
    limitPerStage: Math.min(200, Math.max(PAGE, Number(params.get('limit')) || PAGE)),
  };
  const update = (patch: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  return [filters, update];
}

function Card({ card }: { card: BoardCard }) {
  const { t } = useTranslation(['board', 'prospects']);
  const days =
    card.stageLimitDays === null
      ? t('card.daysNoLimit', { count: card.daysInStage })
      : t('card.days', { days: card.daysInStage, limit: card.stageLimitDays });
  const missing = card.gate.missing;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      style={card.stalled ? { borderColor: 'var(--mantine-color-red-7)', borderWidth: 2 } : undefined}
      data-testid="board-card"
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/prospects/${card.id}`} fw={600} size="sm" c="indigo.8">
            {card.companyName}
          </Anchor>
          {card.stalled ? (
            <Badge color="red.8" variant="filled" size="sm">
              {t('card.stalled')}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c={card.stalled ? 'red.9' : 'gray.7'} fw={card.stalled ? 600 : 400}>
          {days}
        </Text>
        <Text size="xs" c="gray.7">
          {t('card.gate', { met: card.gate.met, total: card.gate.total })}
        </Text>
        <Text size="sm">{missing ? t('card.next', { missing: gateSentence(t, missing) }) : t('card.ready')}</Text>
      </Stack>
    </Paper>
  );
}

function Column({ column, onMore }: { column: BoardColumn; onMore: () => void }) {
  const { t } = useTranslation(['board', 'common']);
  const id = `column-${column.stage}`;
  return (
    <Paper component="section" aria-labelledby={id} p="sm" radius="md" bg="gray.0" withBorder>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h5" id={id}>
          {t(`common:stages.${column.stage}`)}
        </Title>
        <Badge
          variant="filled"
          color="indigo.8"
          style={{ flexShrink: 0 }}
          aria-label={t('column.count', { count: column.count })}
        >
          {column.count}
        </Badge>
      </Group>
      {column.items.length === 0 ? (
        <Text size="sm" c="gray.7">
          {t('column.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {column.items.map((card) => (
            <Card key={card.id} card={card} />
          ))}
        </Stack>
      )}
      {column.items.length < column.count ? (
        <Button variant="subtle" size="xs" mt="xs" fullWidth onClick={onMore}>
          {t('column.more', { shown: column.items.length, count: column.count })}
        </Button>
      ) : null}
    </Paper>
  );
}

/** The salesperson's prospects by stage; a card moves only when the result of its stage is recorded. */
export function BoardPage() {
  const { t } = useTranslation(['board', 'common']);
  const me = useMe();
  const isManager = hasRole(me, 'owner', 'sales_head');
  const [filters, update] = useFilters();
  const [search, setSearch] = useState(filters.q ?? '');
  const pushSearch = useDebouncedCallback((value: string) => update({ q: value.trim() || null }), 300);
  const board = useBoard(filters);
  const lines = useProductLines();
  const units = useUnits(isManager);
  const filtered = !!(filters.productLineId || filters.unitId || filters.stalled || filters.q);
  const columns = (board.data?.columns ?? []).filter((c) => c.stage !== 'sampling');
  const total = columns.reduce((sum, c) => sum + c.count, 0);

  return (
    <Stack>
      <div>
        <Title order={1}>{isManager ? t('titleUnit') : t('title')}</Title>
        <Text size="sm" c="gray.7">
          {t('intro')}
        </Text>
      </div>
      <Group
        component="form"
        role="search"
        aria-label={t('filters.label')}
        align="flex-end"
        gap="sm"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextInput
          label={t('filters.search')}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            pushSearch(e.currentTarget.value);
          }}
          w={{ base: '100%', xs: 220 }}
        />
        <Select
          label={t('filters.productLine')}
          placeholder={t('filters.allProductLines')}
          clearable
          data={(lines.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          value={filters.productLineId ?? null}
          onChange={(value) => update({ productLine: value })}
          w={{ base: '100%', xs: 220 }}
        />
        {isManager ? (
          <Select
            label={t('filters.unit')}
            placeholder={t('filters.allUnits')}
            clearable
            data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={filters.unitId ?? null}
            onChange={(value) => update({ unit: value })}
            w={{ base: '100%', xs: 200 }}
          />
        ) : null}
        <Switch
          label={t('filters.stalled')}
          checked={!!filters.stalled}
          onChange={(e) => update({ stalled: e.currentTarget.checked ? 'true' : null })}
          mb={8}
        />
        {filtered ? (
          <Button
            variant="subtle"
            onClick={() => {
              setSearch('');
              update({ productLine: null, unit: null, stalled: null, q: null, limit: null });
            }}
          >
            {t('filters.clear')}
          </Button>
        ) : null}
      </Group>
      {board.isPending ? (
        <Loading />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : total === 0 ? (
        filtered ? (
          <Empty title={t('empty.filtered')} />
        ) : (
          <Empty title={t('empty.title')}>{t('empty.body')}</Empty>
        )
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm" verticalSpacing="sm">
          {columns.map((column) => (
            <Column
              key={column.stage}
              column={column}
              onMore={() => update({ limit: String(Math.min(200, filters.limitPerStage + PAGE)) })}
            />
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

export default BoardPage;
