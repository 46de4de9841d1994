import { useAction } from '../../../api/action';

/**
 * A command on an application: refreshes the application (and everything under its key: trail,
 * post-financing records), the four-eyes lists and the work queue on success.
 */
export function useCommand(applicationId: string) {
  return useAction([['application', applicationId], ['approvals'], ['applications']]);
}
