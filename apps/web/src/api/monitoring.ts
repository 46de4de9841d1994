import { useQuery } from '@tanstack/react-query';
import { api, call } from './client';
import type { Schemas } from './types';

/**
 * After close (monitoring.md): the post-financing records of one application, each its own read route, each
 * kept under the application's query key so every command on the application refreshes them.
 */
export type DisbursementsView = Schemas['DisbursementsViewDto'];
export type Disbursement = Schemas['DisbursementResponseDto'];
export type EsapItem = Schemas['EsapItemResponseDto'];
export type MonitoringReport = Schemas['MonitoringReportResponseDto'];
export type AmrFigures = Schemas['AmrFiguresDto'];
export type CovenantResult = Schemas['CovenantResultDto'];
export type Incident = Schemas['IncidentResponseDto'];
export type WatchlistReason = Schemas['WatchlistReasonDto'];

/** Stages after financial close (monitoring.md "Stages after close"). */
export const AFTER_CLOSE = ['financed', 'disbursing', 'monitoring', 'repaid', 'written_off'];
/** ESAP items exist from the E&S review on. */
export const ESAP_STAGES = ['esg_review', 'financing', 'committee', 'approved', ...AFTER_CLOSE];
/** Where checks are resolved and waived (the API's reviewable stages): never after close. */
export const REVIEWABLE_STAGES = ['screening', 'esg_review', 'financing', 'committee', 'approved'];
/** Where an application is assigned (the API's open stages, from submission until close; never after). */
export const ASSIGNABLE_STAGES = ['submitted', ...REVIEWABLE_STAGES];
/**
 * Where a potential sanctions match is disposed of: the reviewable stages and the financed projects, where a
 * re-screening's new hit is a failed check and a watchlist reason (docs/monitoring.md).
 */
export const DISPOSITION_STAGES = [...REVIEWABLE_STAGES, 'financed', 'disbursing', 'monitoring'];
/** Where the sponsor still acts on the project (not once it is repaid or written off). */
export const LIVE_AFTER_CLOSE = ['financed', 'disbursing', 'monitoring'];

const path = (id: string) => ({ params: { path: { id } } });

export const useDisbursements = (id: string) =>
  useQuery({
    queryKey: ['application', id, 'disbursements'],
    queryFn: () => call(api.GET('/api/v1/applications/{id}/disbursements', path(id))),
  });

export const useEsap = (id: string, enabled = true) =>
  useQuery({
    queryKey: ['application', id, 'esap'],
    enabled,
    queryFn: () => call(api.GET('/api/v1/applications/{id}/esap', path(id))),
  });

export const useReports = (id: string) =>
  useQuery({
    queryKey: ['application', id, 'monitoring-reports'],
    queryFn: () => call(api.GET('/api/v1/applications/{id}/monitoring-reports', path(id))),
  });

export const useCovenants = (id: string) =>
  useQuery({
    queryKey: ['application', id, 'covenants'],
    queryFn: () => call(api.GET('/api/v1/applications/{id}/covenants', path(id))),
  });

export const useIncidents = (id: string) =>
  useQuery({
    queryKey: ['application', id, 'incidents'],
    queryFn: () => call(api.GET('/api/v1/applications/{id}/incidents', path(id))),
  });

/** Staff only (docs/monitoring.md: the watchlist is the fund's, a sponsor gets 403). */
export const useWatchlist = (id: string) =>
  useQuery({
    queryKey: ['application', id, 'watchlist'],
    queryFn: () => call(api.GET('/api/v1/applications/{id}/watchlist', path(id))),
  });

/**
 * The application's pending four-eyes items (disbursements to release, a write-off), under the approvals key
 * so that deciding one anywhere refreshes them; keyed by version, so a command on the application does too.
 */
export const usePendingApprovals = (id: string, version: number) =>
  useQuery({
    queryKey: ['approvals', 'application', id, 'pending', version],
    queryFn: async () =>
      (
        await call(
          api.GET('/api/v1/approvals', {
            params: { query: { status: 'pending', applicationId: id, limit: 100 } },
          }),
        )
      ).items,
  });
