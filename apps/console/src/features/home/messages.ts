import { defineMessages } from '../../i18n/messages';

export const homeMessages = defineMessages({
  en: {
    title: 'What needs you now',
    greeting: 'Hello, {{name}}',
  },
  hu: {
    title: 'Ami most rád vár',
    greeting: 'Szia, {{name}}',
  },
});
