import type { RouteObject } from 'react-router';

/** The notifications feature's pages (lazy: each loads its code when first visited). */
export const notificationsRoutes: RouteObject[] = [];
