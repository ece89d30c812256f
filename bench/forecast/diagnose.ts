import { forecastSignings, logAsOf } from '@dealgate/domain';
import { generateCompany } from '../../tools/synthetic/company-generator';
import { parseCompanyFlags } from '../../tools/synthetic/company-params';
import { oracleForecast } from '../../tools/synthetic/oracle';

/**
 * `node -r ./tools/openapi/register.js bench/forecast/diagnose.ts <company flags>`: at each quarter-start origin, the
 * next quarter's signed contracts per unit: the model's P50 and mean (split into open deals and new arrivals), the
 * actual count (split the same way) and the oracle's P50. Where the model's error comes from, before changing it.
 */
const argv = process.argv.slice(2);
const { params } = parseCompanyFlags(argv);
const company = generateCompany(params);
const wins = company.events.filter((e) => e.toStatus === 'won');
let [sumAbs, sumAbsO, sumAct, sumP50, sumOr] = [0, 0, 0, 0, 0];
for (const asOf of company.origins.filter((o) => o.getUTCMonth() % 3 === 0)) {
  const t0 = asOf.getTime();
  const f = forecastSignings(company.events, company.lines, asOf, { runs: 300, seed: params.seed });
  const noInflow = forecastSignings(company.events, company.lines, asOf, {
    runs: 300,
    seed: params.seed,
    inflowDays: 1e-9,
  });
  const o = oracleForecast(company, asOf, 3, 100, params.seed + 17);
  const openIds = new Set(logAsOf(company.events, asOf).open.map((s) => s.prospectId));
  const end = new Date(asOf);
  end.setUTCMonth(end.getUTCMonth() + 3);
  const rows: string[] = [];
  let [a, ao, p50, mean, meanOpen, orc] = [0, 0, 0, 0, 0, 0];
  for (const unit of company.units) {
    const act = wins.filter((w) => w.unitId === unit.id && w.at.getTime() >= t0 && w.at < end);
    const actOpen = act.filter((w) => openIds.has(w.prospectId)).length;
    const line = f.lines.find((l) => l.kind === 'unit' && l.id === unit.id && l.period === 'next_3_months')!;
    const lineOpen = noInflow.lines.find((l) => l.kind === 'unit' && l.id === unit.id && l.period === 'next_3_months');
    const op = o.get(`unit|${unit.id}`)?.get('next_3_months')?.p50 ?? 0;
    a += act.length;
    ao += actOpen;
    p50 += line.count.p50;
    mean += line.count.mean;
    meanOpen += lineOpen?.count.mean ?? 0;
    orc += op;
    sumAbs += Math.abs(line.count.p50 - act.length);
    sumAbsO += Math.abs(op - act.length);
    rows.push(`${act.length}/${line.count.p50}/${op}`);
  }
  sumAct += a;
  sumP50 += p50;
  sumOr += orc;
  console.log(
    `${asOf.toISOString().slice(0, 10)} actual ${a} (open ${ao}, new ${a - ao}) | model P50 ${p50} mean ${mean.toFixed(1)} ` +
      `(open ${meanOpen.toFixed(1)}, new ${(mean - meanOpen).toFixed(1)}) | oracle P50 ${orc} | units act/model/oracle ${rows.join(' ')}`,
  );
}
console.log(
  `unit WAPE model ${((sumAbs / sumAct) * 100).toFixed(1)} % oracle ${((sumAbsO / sumAct) * 100).toFixed(1)} % ` +
    `ratio ${(sumAbs / sumAbsO).toFixed(2)}; bias model ${(((sumP50 - sumAct) / sumAct) * 100).toFixed(1)} % oracle ${(((sumOr - sumAct) / sumAct) * 100).toFixed(1)} %`,
);
