import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupI18n } from '../../i18n';
import { AccuracyState, ForecastPanel } from './forecast-panel';
import type { ForecastAccuracy, ForecastReport } from './forecast-queries';

const q = (p10: number, p50: number, p90: number) => ({ p10, p50, p90, mean: p50 });
const scope = { unitId: null, salespersonId: null, productLineId: null };
const STAGES = ['primary_contact', 'needs_identification', 'offer_formation', 'offer_defence', 'contract'] as const;
// Arrivals at each stage: 40, 30, 20, 10, 5 expected (P50), each with a plan when one is given.
const arrivals = (planned: (number | null)[] = STAGES.map(() => null)) =>
  STAGES.map((stage, i) => ({
    stage,
    count: q([40, 30, 20, 10, 5][i] - 3, [40, 30, 20, 10, 5][i], [40, 30, 20, 10, 5][i] + 4),
    planned: planned[i],
  }));

// Server-shaped: GET /api/analytics/forecast as of 2026-12-02 (December .. March, the next three months, 2027-Q1).
const report: ForecastReport = {
  asOf: '2026-12-02T10:00:00.000Z',
  scope,
  history: { from: '2025-10-01T09:00:00.000Z', signed: 116 },
  currency: 'HUF',
  runs: 500,
  periods: [
    {
      key: '2026-12',
      kind: 'month',
      from: '2026-12-02T10:00:00.000Z',
      to: '2027-01-01T00:00:00.000Z',
      count: q(9, 12, 15),
      valueMinor: q(900_000_00, 1_200_000_00, 1_500_000_00),
      arrivals: arrivals(),
    },
    {
      key: '2027-01',
      kind: 'month',
      from: '2027-01-01T00:00:00.000Z',
      to: '2027-02-01T00:00:00.000Z',
      count: q(10, 13.5, 17),
      valueMinor: q(1, 2, 3),
      arrivals: arrivals(),
    },
    {
      key: '2027-02',
      kind: 'month',
      from: '2027-02-01T00:00:00.000Z',
      to: '2027-03-01T00:00:00.000Z',
      count: q(8, 11, 14),
      valueMinor: q(1, 2, 3),
      arrivals: arrivals(),
    },
    {
      key: '2027-03',
      kind: 'month',
      from: '2027-03-01T00:00:00.000Z',
      to: '2027-04-01T00:00:00.000Z',
      count: q(7, 10, 13),
      valueMinor: q(1, 2, 3),
      arrivals: arrivals(),
    },
    {
      key: 'next_3_months',
      kind: 'next_3_months',
      from: '2026-12-02T10:00:00.000Z',
      to: '2027-03-02T10:00:00.000Z',
      count: q(31, 36, 42),
      valueMinor: q(1, 2, 3),
      arrivals: arrivals(),
    },
    {
      key: '2027-Q1',
      kind: 'quarter',
      from: '2027-01-01T00:00:00.000Z',
      to: '2027-04-01T00:00:00.000Z',
      count: q(28, 34, 41),
      valueMinor: q(2_800_000_00, 3_400_000_00, 4_100_000_00),
      arrivals: arrivals([45, 24, 20, 12, 6]),
    },
  ],
  deals: {
    items: [
      {
        prospectId: 'a1b2c3d4-0000-4000-8000-000000000001',
        companyName: 'Kovács Kft.',
        stage: 'contract',
        daysInStage: 2,
        ownerId: null,
        unitId: 'u',
        productLineId: 'l',
        probability: 0.93,
        expectedMonth: '2026-12',
        reason: 'In contract for 2 days: …',
      },
      {
        prospectId: 'a1b2c3d4-0000-4000-8000-000000000002',
        companyName: 'Nagy Zrt.',
        stage: 'primary_contact',
        daysInStage: 1,
        ownerId: null,
        unitId: 'u',
        productLineId: 'l',
        probability: 0.031,
        expectedMonth: null,
        reason: 'In primary contact for 1 days: …',
      },
    ],
    total: 14,
    limit: 10,
    offset: 0,
  },
};

const accuracy: ForecastAccuracy = {
  asOf: report.asOf,
  scope,
  origins: 6,
  originDates: ['2026-04-01', '2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01'],
  reason: null,
  message: null,
  horizons: [
    {
      horizon: 'month_1',
      wape: 0.2,
      mape: 0.25,
      stageWeightsWape: 0.9,
      stageWeightsMape: 0.95,
      runRateWape: 0.3,
      runRateMape: 0.35,
      plansWape: null,
      plansMape: null,
      coverage: 0.8,
      cells: 6,
    },
    {
      horizon: 'next_3_months',
      wape: 0.12,
      mape: 0.14,
      stageWeightsWape: 0.81,
      stageWeightsMape: 0.85,
      runRateWape: 0.2,
      runRateMape: 0.22,
      plansWape: 0.37,
      plansMape: 0.4,
      coverage: 0.833,
      cells: 6,
    },
  ],
  brier: 0.1,
  stageWeightsBrier: 0.2,
};

const done = (data: ForecastAccuracy): AccuracyState => ({ isPending: false, isError: false, data });

function show(r: ForecastReport, a: AccuracyState) {
  render(
    <MantineProvider>
      <MemoryRouter>
        <ForecastPanel report={r} accuracy={a} />
      </MemoryRouter>
    </MantineProvider>,
  );
}

beforeAll(() => {
  setupI18n('en');
  // jsdom has no ResizeObserver; the chart only needs it to follow its box.
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
});

afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

// The first render warms Mantine and ECharts up, which takes seconds on a busy machine.
describe('the forecast panel', { timeout: 30_000 }, () => {
  it("headlines next quarter's median and 80% range, with the months in a table beside the chart", () => {
    show(report, done(accuracy));
    expect(screen.getByText('Q1 2027: 34 signed contracts expected (80% range 28–41)')).toBeTruthy();
    expect(screen.getByRole('img', { name: /signed contracts expected per month/ })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Signed contracts expected per period' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual([
      'December 2026',
      'January 2027',
      'February 2027',
      'March 2027',
      'Next three months',
      'Q1 2027',
    ]);
    expect(
      within(rows[1])
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(1, 4),
    ).toEqual(['10', '13.5', '17']);
  });

  it('says how right it has been on the last months, beside the fixed stage weights', () => {
    show(report, done(accuracy));
    expect(
      screen.getByText(
        'On the last 6 months the median was off by 12%; the range held 83.3% of the time (three months ahead).',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Fixed stage weights (10/20/40/60/90%) were off by 81% on the same months.')).toBeTruthy();
    expect(screen.getByText('The plans entered for the contract stage were off by 37%.')).toBeTruthy();
  });

  it("shows next quarter's arrivals at each stage against the plan, a shortfall in red", () => {
    show(report, done(accuracy));
    expect(screen.getByText('Deals expected to reach each stage in Q1 2027, against the plan')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Deals expected to reach each stage in Q1 2027' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['Primary contact', '40', '37–44', '45', '-5'],
      ['Needs identification', '30', '27–34', '24', '+6'],
      ['Commercial offer', '20', '17–24', '20', '0'],
      ['Offer defence', '10', '7–14', '12', '-2'],
      ['Contract', '5', '2–9', '6', '-1'],
    ]);
    expect(screen.queryByText(/No plan was entered/)).toBeNull();
  });

  it('says when no plan was entered to compare the arrivals with, in Hungarian too', async () => {
    const unplanned = {
      ...report,
      periods: report.periods.map((p) => ({ ...p, arrivals: arrivals(STAGES.map(() => 0)) })),
    };
    show(unplanned, done(accuracy));
    expect(screen.getByText(/No plan was entered for these months/)).toBeTruthy();
    cleanup();
    await i18next.changeLanguage('hu');
    show(unplanned, done(accuracy));
    expect(
      screen.getByText('Az egyes szakaszokba várhatóan belépő üzletek – 2027. 1. negyedév, a tervhez mérve'),
    ).toBeTruthy();
    expect(screen.getByText(/nem rögzítettek tervet/)).toBeTruthy();
  });

  it('lists the likeliest open deals with chance and expected month, each linking to its prospect', () => {
    show(report, done(accuracy));
    expect(screen.getByText('Open deals most likely to sign (2 of 14)')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Open deals by chance to sign' });
    const [first, second] = within(table).getAllByRole('row').slice(1);
    expect(within(first).getByRole('link', { name: 'Kovács Kft.' }).getAttribute('href')).toBe(
      '/prospects/a1b2c3d4-0000-4000-8000-000000000001',
    );
    expect(within(first).getByText('93%')).toBeTruthy();
    expect(within(first).getByText('December 2026')).toBeTruthy();
    expect(within(first).getByText('2 days in Contract')).toBeTruthy();
    expect(within(second).getByText('Unlikely in the period')).toBeTruthy();
  });

  it('says when there is no history yet', () => {
    show({ ...report, history: { from: '2026-11-20T09:00:00.000Z', signed: 0 } }, done(accuracy));
    expect(screen.getByText(/No history yet/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says when the accuracy cannot be measured yet, is being measured or failed', () => {
    show(report, done({ ...accuracy, origins: 0, originDates: [], reason: 'history_too_short', horizons: [] }));
    expect(screen.getByText(/Accuracy not measured yet/)).toBeTruthy();
    cleanup();
    show(report, { isPending: false, isError: true });
    expect(screen.getByText('The accuracy could not be measured')).toBeTruthy();
    cleanup();
    show(report, { isPending: true, isError: false });
    expect(screen.getByRole('status').textContent).toContain('Measuring');
  });

  it('speaks Hungarian', async () => {
    await i18next.changeLanguage('hu');
    show(report, done(accuracy));
    expect(screen.getByText('2027. 1. negyedév: várhatóan 34 megkötött szerződés (80%-os sáv: 28–41)')).toBeTruthy();
    expect(screen.getByText(/Az elmúlt 6 hónapban a medián eltérése 12%/)).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Nyitott üzletek az aláírás esélye szerint' })).toBeTruthy();
  });
});
