import type { RouteObject } from 'react-router';

/** The samples feature's pages (lazy: each loads its code when first visited). */
export const samplesRoutes: RouteObject[] = [];
