import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ForecastPanel } from './forecast-panel';
import { useForecast, useForecastAccuracy } from './forecast-queries';
import { DashboardFilters } from './period';
import { ReportState, Section } from './report-parts';

/** Signed contracts the history says are coming (next quarter, per month), how right it has been, the likely deals. */
export function ForecastSection({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation('dashboards');
  const format = useFormat();
  const forecast = useForecast(filters);
  const accuracy = useForecastAccuracy(filters);
  return (
    <Section
      title={t('forecast.title')}
      intro={forecast.data ? t('forecast.intro', { date: format.date(forecast.data.asOf) }) : t('forecast.introNow')}
    >
      <ReportState query={forecast}>{(report) => <ForecastPanel report={report} accuracy={accuracy} />}</ReportState>
    </Section>
  );
}
