import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The address's query, and one way to change part of it. React Router applies a navigation as a transition, and
 * its `setSearchParams` (even in its function form) starts from the params of the last render: two changes in a
 * row, before React re-renders (a filter cleared, then another set, as a quick user or a test does), made the
 * second one start from the stale params and bring the cleared filter back. Each change here starts from the
 * last params this hook asked for, so changes compose in the order they were made.
 */
export function useSearchParamsUpdate(): [
  URLSearchParams,
  (change: (next: URLSearchParams) => void) => void,
] {
  const [params, setParams] = useSearchParams();
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  const update = useCallback(
    (change: (next: URLSearchParams) => void) => {
      const next = new URLSearchParams(latest.current);
      change(next);
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, update];
}
