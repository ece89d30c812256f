import { CSSVariablesResolver, NavLink, createTheme } from '@mantine/core';

// Colours chosen for contrast (WCAG AA, 4.5:1 on white): indigo.8 for actions, dimmed text gray.7, field errors red.8.
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 5 },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
  defaultRadius: 'md',
  components: {
    // The active link's text (indigo.9) on Mantine's hover shade (indigo.2) is 4.1:1; it keeps its own shade
    // (indigo.1, 5.3:1) under the pointer and shows the hover by an underline instead (console.css).
    NavLink: NavLink.extend({
      vars: () => ({ root: { '--nl-hover': 'var(--mantine-primary-color-light)' }, children: {} }),
    }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7], '--mantine-color-error': t.colors.red[8] },
  dark: {},
});
