import { defineMessages } from '../../i18n/messages';

/** The administration frame's words; each section's own words live in admin-org / admin-ops. */
export const adminMessages = defineMessages({
  en: {
    title: 'Administration',
    sections: 'Sections',
    pick: 'Choose a section on the left.',
  },
  hu: {
    title: 'Adminisztráció',
    sections: 'Részek',
    pick: 'Válasszon egy részt a bal oldalon.',
  },
});
