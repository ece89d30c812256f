import { defineMessages } from '../../i18n/messages';

export const dashboardsMessages = defineMessages({
  en: { title: 'Dashboards' },
  hu: { title: 'Kimutatások' },
});
