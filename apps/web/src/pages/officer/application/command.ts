import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/**
 * One form's command on an application: runs it, keeps its error for the form (what was typed stays),
 * refreshes the application, its trail and the four-eyes lists on success; `reload` after a version conflict.
 */
export function useCommand(applicationId: string) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['application', applicationId] }),
      queryClient.invalidateQueries({ queryKey: ['approvals'] }),
      queryClient.invalidateQueries({ queryKey: ['applications'] }),
    ]);
  };
  async function run<T>(action: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setError(null);
    try {
      const result = await action();
      await refresh();
      return result;
    } catch (caught) {
      setError(caught);
      return undefined;
    } finally {
      setBusy(false);
    }
  }
  return {
    run,
    error,
    busy,
    clearError: () => setError(null),
    reload: () => {
      setError(null);
      void refresh();
    },
  };
}
