import { defineMessages } from '../../i18n/messages';

export const adminOpsMessages = defineMessages({
  en: {},
  hu: {},
});
