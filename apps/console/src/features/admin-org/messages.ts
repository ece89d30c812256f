import { defineMessages } from '../../i18n/messages';

export const adminOrgMessages = defineMessages({
  en: {},
  hu: {},
});
