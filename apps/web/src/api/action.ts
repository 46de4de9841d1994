import { useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * One form's command: runs it, keeps its error for the form (what was typed stays), refreshes the queries
 * under `refresh` on success; `reload` refreshes them after a version conflict. `busy` names the running
 * command (`run(action, 'approve')`), or `true` when it has no name.
 */
export function useAction(refresh: readonly QueryKey[]) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState<string | null>(null);
  const invalidate = async () => {
    await Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
  };
  async function run<T>(action: () => Promise<T>, name = 'default'): Promise<T | undefined> {
    setRunning(name);
    setError(null);
    try {
      const result = await action();
      await invalidate();
      return result;
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setRunning(null);
    }
  }
  return {
    run,
    error,
    busy: running !== null,
    running,
    setError,
    clearError: () => setError(null),
    reload: () => {
      setError(null);
      void invalidate();
    },
  };
}
