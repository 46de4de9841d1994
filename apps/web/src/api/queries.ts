import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { ApplicationPage, ApplicationView, SponsorApplicationView, Schemas } from './types';

type SponsorApplicationPage = Schemas['SponsorApplicationListResponseDto'];

/** Query keys and hooks shared by pages (one round trip per view where the API allows). */
export const keys = {
  application: (id: string) => ['application', id] as const,
  applications: (filters: Record<string, string | undefined>) => ['applications', filters] as const,
  trail: (id: string) => ['application', id, 'trail'] as const,
  countries: ['reference', 'countries'] as const,
};

const SCORED = ['submitted', 'screening', 'esg_review', 'financing', 'committee'];

/**
 * Work the workers are doing on this application (screening after submission, a risk assessment after a
 * change): while it runs the page refreshes itself, so the result appears without a reload.
 */
export function workInProgress(view: ApplicationView | SponsorApplicationView | undefined): boolean {
  if (!view) return false;
  if (view.stage === 'submitted') return true;
  if (view.audience === 'sponsor') return false;
  return (
    SCORED.includes(view.stage) && view.latestRiskAssessment !== null && !view.latestRiskAssessment.current
  );
}

/** One application as the API serves it to this audience (a sponsor is never served the staff view). */
function useApplicationAs<A extends 'staff' | 'sponsor'>(
  audience: A,
  id: string | undefined,
  options: { live?: boolean },
) {
  return useQuery({
    queryKey: keys.application(id ?? ''),
    enabled: Boolean(id),
    refetchInterval: (query) => (options.live && workInProgress(query.state.data) ? 2000 : false),
    queryFn: async () => {
      const view = await call(
        api.GET('/api/v1/applications/{id}', { params: { path: { id: id as string } } }),
      );
      if (view.audience !== audience) throw new Error(`the ${audience} view was expected`);
      return view as Extract<ApplicationView | SponsorApplicationView, { audience: A }>;
    },
  });
}

/** The staff view of an application (officers, committee, auditors, admins). */
export function useApplication(id: string | undefined, options: { live?: boolean } = {}) {
  return useApplicationAs('staff', id, options);
}

/** The sponsor view of an application (pipeline.md "What a sponsor sees"). */
export function useSponsorApplication(id: string | undefined, options: { live?: boolean } = {}) {
  return useApplicationAs('sponsor', id, options);
}

function listApplications(filters: Record<string, string | undefined>) {
  return call(
    api.GET('/api/v1/applications', {
      params: { query: Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as never },
    }),
  );
}

function useApplicationListAs<A extends 'staff' | 'sponsor'>(
  audience: A,
  filters: Record<string, string | undefined>,
  enabled: boolean,
) {
  return useQuery({
    queryKey: keys.applications(filters),
    enabled,
    queryFn: async () => {
      const page = await listApplications(filters);
      if (page.audience !== audience) throw new Error(`the ${audience} list was expected`);
      return page as Extract<ApplicationPage | SponsorApplicationPage, { audience: A }>;
    },
  });
}

/** The staff list (officers, committee, auditors, admins). */
export function useApplications(filters: Record<string, string | undefined>, enabled = true) {
  return useApplicationListAs('staff', filters, enabled);
}

/** A sponsor's own applications, in the sponsor summary. */
export function useSponsorApplications(filters: Record<string, string | undefined>) {
  return useApplicationListAs('sponsor', filters, true);
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
