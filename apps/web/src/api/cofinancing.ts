import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { Schemas } from './types';

/**
 * Co-financing (portfolio.md "Co-financing and mobilisation"): an application's lines with their organisation,
 * private direct mobilisation and the mobilisation ratio. Staff read every line; a partner reads only the
 * applications its organisation co-finances, from committee on (404 elsewhere), and only its own lines.
 */
export type CofinancingView = Schemas['CofinancingViewDto'];
export type CofinancingLineView = Schemas['CofinancingLineViewDto'];
export type CofinancingLine = Schemas['CofinancingLineDto'];
export type CofinancingStatus = CofinancingLine['status'];

export const COFINANCING_STATUSES = [
  'indicated',
  'committed',
  'signed',
] as const satisfies readonly CofinancingStatus[];

/** Kept under the application's key: every command on the application refreshes it. */
export const useCofinancing = (id: string) =>
  useQuery({
    queryKey: ['application', id, 'cofinancing'],
    queryFn: () => call(api.GET('/api/v1/applications/{id}/cofinancing', { params: { path: { id } } })),
  });

/** Every co-financed application the caller may read (a partner: those its organisation co-finances). */
export const useCofinancedApplications = (enabled = true) =>
  useQuery({
    queryKey: ['cofinancing'],
    enabled,
    queryFn: async () => (await call(api.GET('/api/v1/cofinancing'))).items,
  });

/** The cofinancier organisations by name (staff): what an officer names on a co-financing line. */
export const useCofinanciers = () =>
  useQuery({
    queryKey: ['cofinanciers'],
    queryFn: async () => (await call(api.GET('/api/v1/cofinanciers'))).items,
  });
