import { Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ARC, DEFAULT_SIZE, layoutGraph } from './graph-layout';
import type { CaseTask } from './queries';

// Colours from Mantine's palette at shades that keep 4.5:1 against the fills they sit on.
const COLOURS = {
  done: { fill: '#e6fcf5', stroke: '#087f5b' },
  overdue: { fill: '#fff5f5', stroke: '#c92a2a' },
  blocked: { fill: '#f1f3f5', stroke: '#868e96' },
  available: { fill: '#edf2ff', stroke: '#3b5bdb' },
  critical: '#364fc7',
  text: '#212529',
  muted: '#495057',
};

type Look = 'done' | 'overdue' | 'blocked' | 'available';
const lookOf = (task: CaseTask): Look =>
  task.state === 'done' ? 'done' : task.overdue ? 'overdue' : task.state === 'blocked' ? 'blocked' : 'available';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The tasks as a left-to-right dependency graph: critical tasks (and the edges between them) drawn thick in
 * indigo, overdue ones red, blocked ones grey and dashed. The drawing is a picture for sighted users; the same
 * facts are in the task table below it, which is what keyboard and screen-reader users work with.
 */
export function TaskGraph({ tasks }: { tasks: CaseTask[] }) {
  const { t } = useTranslation('contracts');
  const { t: tt } = useTranslation('tasks');
  const f = useFormat();
  const layout = layoutGraph(tasks);
  const byKey = new Map(tasks.map((task) => [task.key, task]));
  const pad = 8;
  // Room above the tasks for the arcs of edges that skip a column (their curve peaks at about 3/4 of ARC).
  const top = layout.edges.some((e) => e.path.includes(`-${ARC}`)) ? ARC : pad;
  const { nodeWidth: w, nodeHeight: h } = DEFAULT_SIZE;
  const critical = tasks.filter((task) => task.critical).length;
  return (
    <Box>
      <Box
        style={{ overflowX: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label={t('graph.title')}
        data-testid="task-graph"
      >
        <svg
          width={layout.width + pad * 2}
          height={layout.height + pad + top}
          viewBox={`${-pad} ${-top} ${layout.width + pad * 2} ${layout.height + pad + top}`}
          role="img"
          aria-label={t('graph.summary', { count: tasks.length, critical })}
        >
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
              <path d="M 0 0 L 10 5 L 0 10 z" fill={COLOURS.muted} />
            </marker>
            <marker
              id="arrow-critical"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="6"
              markerHeight="6"
              orient="auto"
            >
              <path d="M 0 0 L 10 5 L 0 10 z" fill={COLOURS.critical} />
            </marker>
          </defs>
          {layout.edges.map((edge) => {
            const hot = byKey.get(edge.from)?.critical && byKey.get(edge.to)?.critical;
            return (
              <path
                key={`${edge.from}-${edge.to}`}
                d={edge.path}
                fill="none"
                stroke={hot ? COLOURS.critical : COLOURS.muted}
                strokeWidth={hot ? 3 : 1.5}
                markerEnd={`url(#${hot ? 'arrow-critical' : 'arrow'})`}
              />
            );
          })}
          {layout.nodes.map((node) => {
            const task = byKey.get(node.key)!;
            const look = lookOf(task);
            const colours = COLOURS[look];
            return (
              <g key={node.key} transform={`translate(${node.x} ${node.y})`} data-task={task.key} data-look={look}>
                <rect
                  width={w}
                  height={h}
                  rx={8}
                  fill={colours.fill}
                  stroke={task.critical ? COLOURS.critical : colours.stroke}
                  strokeWidth={task.critical ? 3 : 1.5}
                  strokeDasharray={look === 'blocked' ? '6 4' : undefined}
                />
                {look === 'overdue' ? <rect width={6} height={h} rx={3} fill={COLOURS.overdue.stroke} /> : null}
                <text x={14} y={22} fontSize={13} fontWeight={600} fill={COLOURS.text}>
                  {clip(task.title, 24)}
                </text>
                <text x={14} y={41} fontSize={12} fill={COLOURS.muted}>
                  {tt(`groups.${task.group}`)} · {tt(`states.${task.status === 'claimed' ? 'claimed' : task.state}`)}
                </text>
                <text x={14} y={59} fontSize={12} fill={look === 'overdue' ? COLOURS.overdue.stroke : COLOURS.muted}>
                  {look === 'overdue'
                    ? `${tt('flags.overdue')} · ${f.date(task.dueAt!)}`
                    : task.dueAt && look !== 'done'
                      ? f.date(task.dueAt)
                      : look === 'blocked'
                        ? clip(
                            tt('blockedBy', { tasks: task.blockedBy.map((k) => byKey.get(k)?.title ?? k).join(', ') }),
                            28,
                          )
                        : ''}
                </text>
              </g>
            );
          })}
        </svg>
      </Box>
      <Group gap="md" mt="xs" aria-label={t('graph.legend')} role="group">
        <Legend colour={COLOURS.critical} thick label={t('graph.critical')} />
        <Legend colour={COLOURS.overdue.stroke} label={t('graph.overdue')} />
        <Legend colour={COLOURS.blocked.stroke} dashed label={t('graph.blocked')} />
        <Legend colour={COLOURS.done.stroke} label={t('graph.done')} />
      </Group>
    </Box>
  );
}

function Legend({
  colour,
  label,
  thick,
  dashed,
}: {
  colour: string;
  label: string;
  thick?: boolean;
  dashed?: boolean;
}) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width={22} height={12} aria-hidden>
        <rect
          x={1}
          y={1}
          width={20}
          height={10}
          rx={3}
          fill="white"
          stroke={colour}
          strokeWidth={thick ? 3 : 1.5}
          strokeDasharray={dashed ? '4 3' : undefined}
        />
      </svg>
      <Text size="xs" c="gray.8">
        {label}
      </Text>
    </Group>
  );
}
