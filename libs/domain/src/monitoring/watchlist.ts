import { DomainError } from '../errors/domain-error.js';
import type { Actor } from '../pipeline/roles.js';
import { parseInstant } from '../deadlines/time.js';
import { requireRole } from './monitoring-validation.js';

/**
 * monitoring.md: a covenant breach, a serious incident or a new sanctions potential match puts
 * the project on the **watchlist** with its reason. Reasons stay in the record; an officer
 * clears one with a note; the project is on the watchlist while any reason is active.
 */
export const WATCHLIST_REASON_KINDS = ['covenant_breach', 'incident', 'sanctions_match'] as const;
export type WatchlistReasonKind = (typeof WATCHLIST_REASON_KINDS)[number];

export interface WatchlistCandidate {
  kind: WatchlistReasonKind;
  /** What it is about: `<year>:<covenant code>`, the incident id, the party path. */
  ref: string;
  detail: string;
}

export interface WatchlistReason extends WatchlistCandidate {
  /** `<kind>:<ref>#<n>`: the n-th time this reason was added (stable, for links and clearing). */
  id: string;
  addedAt: string;
  clearedAt: string | null;
  clearedBy: string | null;
  clearNote: string | null;
}

export function isActiveWatchlistReason(reason: WatchlistReason): boolean {
  return reason.clearedAt === null;
}

export function isOnWatchlist(reasons: readonly WatchlistReason[]): boolean {
  return reasons.some(isActiveWatchlistReason);
}

/**
 * Adds the candidates that are not already active (same kind and ref): adding the same breach
 * twice (a retried job, a re-submitted report) changes nothing. A reason cleared earlier and
 * raised again is added anew. Returns every reason and the ones added.
 */
export function addWatchlistReasons(
  reasons: readonly WatchlistReason[],
  candidates: readonly WatchlistCandidate[],
  now: string,
): { reasons: WatchlistReason[]; added: WatchlistReason[] } {
  const at = new Date(parseInstant(now, 'now')).toISOString();
  const all = [...reasons];
  const added: WatchlistReason[] = [];
  for (const c of candidates) {
    if (all.some((r) => isActiveWatchlistReason(r) && r.kind === c.kind && r.ref === c.ref)) continue;
    const n = all.filter((r) => r.kind === c.kind && r.ref === c.ref).length + 1;
    const reason: WatchlistReason = {
      kind: c.kind,
      ref: c.ref,
      detail: c.detail,
      id: `${c.kind}:${c.ref}#${n}`,
      addedAt: at,
      clearedAt: null,
      clearedBy: null,
      clearNote: null,
    };
    all.push(reason);
    added.push(reason);
  }
  return { reasons: all, added };
}

/** An officer clears an active reason with a note (`WATCHLIST.NOT_FOUND` when none is active by that id). */
export function clearWatchlistReason(
  reasons: readonly WatchlistReason[],
  reasonId: string,
  note: unknown,
  actor: Actor,
  now: string,
): { reasons: WatchlistReason[]; cleared: WatchlistReason } {
  requireRole(actor, ['officer'], 'clearing a watchlist reason');
  if (typeof note !== 'string' || note.trim() === '') {
    throw new DomainError('VALIDATION.FAILED', 'clearing a watchlist reason needs a note', [
      { field: 'note', message: 'is required' },
    ]);
  }
  const target = reasons.find((r) => r.id === reasonId && isActiveWatchlistReason(r));
  if (!target) throw new DomainError('WATCHLIST.NOT_FOUND', `no active watchlist reason ${reasonId}`);
  const cleared: WatchlistReason = {
    ...target,
    clearedAt: new Date(parseInstant(now, 'now')).toISOString(),
    clearedBy: actor.id,
    clearNote: note,
  };
  return { reasons: reasons.map((r) => (r === target ? cleared : r)), cleared };
}

/** Watchlist candidates of the covenants a report breached. */
export function covenantBreachCandidates(
  year: number,
  breaches: readonly { code: string; message: string }[],
): WatchlistCandidate[] {
  return breaches.map((b) => ({
    kind: 'covenant_breach',
    ref: `${year}:${b.code}`,
    detail: `AMR ${year}: ${b.code} breached (${b.message})`,
  }));
}

/** The screening results that count as a sanctions concern on a financed project. */
const CONCERNING_RESULTS = ['potential_match', 'match', 'blocked_by_ownership'];

/**
 * Re-screening a project after close: the parties with a sanctions concern now that had none in
 * the previous screening (by path) become watchlist candidates.
 */
export function rescreeningCandidates(
  previous: readonly { path: readonly string[]; result: string }[],
  current: readonly { path: readonly string[]; result: string; matchedName?: string | null }[],
): WatchlistCandidate[] {
  const key = (path: readonly string[]) => path.join(' > ');
  const before = new Set(
    previous.filter((p) => CONCERNING_RESULTS.includes(p.result)).map((p) => key(p.path)),
  );
  return current
    .filter((p) => CONCERNING_RESULTS.includes(p.result) && !before.has(key(p.path)))
    .map((p) => ({
      kind: 'sanctions_match' as const,
      ref: key(p.path),
      detail: `re-screening: ${key(p.path)} is a ${p.result.replaceAll('_', ' ')}${p.matchedName ? ` (${p.matchedName})` : ''}`,
    }));
}
