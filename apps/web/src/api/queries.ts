import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';

/** Query keys and hooks shared by pages (one round trip per view where the API allows). */
export const keys = {
  application: (id: string) => ['application', id] as const,
  applications: (filters: Record<string, string | undefined>) => ['applications', filters] as const,
  trail: (id: string) => ['application', id, 'trail'] as const,
  countries: ['reference', 'countries'] as const,
};

export function useApplication(id: string | undefined) {
  return useQuery({
    queryKey: keys.application(id ?? ''),
    enabled: Boolean(id),
    queryFn: () => call(api.GET('/api/v1/applications/{id}', { params: { path: { id: id as string } } })),
  });
}

export function useApplications(filters: Record<string, string | undefined>, enabled = true) {
  return useQuery({
    queryKey: keys.applications(filters),
    enabled,
    queryFn: () =>
      call(
        api.GET('/api/v1/applications', {
          params: { query: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as never },
        }),
      ),
  });
}

export function useTrail(id: string | undefined) {
  return useQuery({
    queryKey: keys.trail(id ?? ''),
    enabled: Boolean(id),
    queryFn: () =>
      call(
        api.GET('/api/v1/applications/{id}/audit-trail', {
          params: { path: { id: id as string }, query: { limit: 500 } },
        }),
      ),
  });
}

export function useCountries() {
  return useQuery({
    queryKey: keys.countries,
    staleTime: Infinity,
    queryFn: () => call(api.GET('/api/v1/reference/countries')),
  });
}
