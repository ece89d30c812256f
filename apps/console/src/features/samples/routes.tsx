import type { RouteObject } from 'react-router';

/** The samples feature's pages (lazy: each loads its code when first visited). */
export const samplesRoutes: RouteObject[] = [
  {
    path: 'samples',
    lazy: async () => ({ Component: (await import('./samples-list-page')).SamplesListPage }),
  },
  {
    path: 'samples/new',
    lazy: async () => ({ Component: (await import('./new-sample-page')).NewSamplePage }),
  },
  {
    path: 'samples/:id',
    lazy: async () => ({ Component: (await import('./sample-page')).SamplePage }),
  },
];
