import { useSearchParams } from 'react-router';

/** A 1-based page number kept in the URL under `key` (page 1 leaves it out), so a view can be shared. */
export function usePageParam(key = 'page'): [number, (page: number) => void] {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get(key)) || 1);
  const setPage = (value: number) => {
    const next = new URLSearchParams(params);
    if (value <= 1) next.delete(key);
    else next.set(key, String(value));
    setParams(next, { replace: true });
  };
  return [page, setPage];
}
