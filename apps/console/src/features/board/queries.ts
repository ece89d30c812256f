import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';

export type BoardColumn = components['schemas']['BoardColumnDto'];
export type BoardCard = components['schemas']['BoardCardDto'];

export interface BoardFilters {
  productLineId?: string;
  unitId?: string;
  stalled?: boolean;
  q?: string;
  limitPerStage: number;
}

export function useBoard(filters: BoardFilters) {
  return useQuery({
    queryKey: ['board', filters],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/prospects/board', { params: { query: filters } })),
  });
}

/** Units to filter by (owner and sales heads may list them). */
export function useUnits(enabled: boolean) {
  return useQuery({
    queryKey: ['units'],
    enabled,
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/units', { params: { query: { limit: 100 } } })),
  });
}
