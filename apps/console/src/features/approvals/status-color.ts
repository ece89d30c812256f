import type { RequestStatus } from './queries';

// Filled badges in shades that keep white text at 4.5:1 (the theme's contrast rule).
export const STATUS_COLOR: Record<RequestStatus, string> = {
  pending: 'indigo.8',
  approved: 'teal.9',
  rejected: 'red.8',
  recalled: 'gray.7',
  voided: 'gray.7',
};
