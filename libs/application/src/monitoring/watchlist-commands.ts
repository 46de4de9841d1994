import { Inject, Injectable } from '@nestjs/common';
import { type JsonValue } from '@forge/audit';
import {
  addWatchlistReasons,
  clearWatchlistReason,
  isOnWatchlist,
  type Actor,
  type WatchlistCandidate,
  type WatchlistReason,
} from '@forge/domain';
import { listWatchlistReasons, saveWatchlistReasons, type ApplicationChanges } from '@forge/persistence';
import { ApplicationCommandRunner, type CommandContext } from '../applications/application-command.runner.js';
import { MonitoringReads } from './monitoring-reads.js';

/** The watchlist of one project as staff read it. */
export interface WatchlistView {
  applicationId: string;
  onWatchlist: boolean;
  reasons: WatchlistReason[];
}

/** What adding reasons inside a command gives its caller: the row change and the audit context. */
export interface WatchlistAddition {
  added: WatchlistReason[];
  /** Merge into the command's `ApplicationChanges` (sets `on_watchlist` when a reason was added). */
  changes: ApplicationChanges;
  /** Merge into the command's audit context: `watchlistAdded` is what notifies the officers. */
  context: Record<string, JsonValue>;
}

/**
 * Adds watchlist reasons inside a command that is already running on the locked application (an AMR with
 * breaches, a serious incident, a re-screening with a new potential match). Reasons already active (same
 * kind and ref) are not added again, so a retried job changes nothing. The caller's ONE audit event carries
 * `context.watchlistAdded`; the caller commits `changes` with its own.
 */
export async function addWatchlistReasonsIn(
  ctx: CommandContext,
  candidates: readonly WatchlistCandidate[],
): Promise<WatchlistAddition> {
  if (candidates.length === 0) return { added: [], changes: {}, context: {} };
  const id = ctx.aggregate.application.id;
  const current = await listWatchlistReasons(ctx.manager, id);
  const { added } = addWatchlistReasons(current, candidates, ctx.now.toISOString());
  if (added.length === 0) return { added, changes: {}, context: {} };
  await saveWatchlistReasons(ctx.manager, id, added, []);
  return {
    added,
    changes: { onWatchlist: true },
    context: {
      watchlistAdded: added.map((r) => ({ id: r.id, kind: r.kind, ref: r.ref, detail: r.detail })),
    },
  };
}

/**
 * The watchlist (monitoring.md): reasons are added by the commands that find them (see
 * `addWatchlistReasonsIn`) or through `add` by a job with nothing else to record; an officer clears one
 * with a note. Staff read it; the sponsor does not (docs/monitoring.md).
 */
@Injectable()
export class WatchlistCommands {
  constructor(
    @Inject(ApplicationCommandRunner) private readonly runner: ApplicationCommandRunner,
    @Inject(MonitoringReads) private readonly reads: MonitoringReads,
  ) {}

  /**
   * Puts the project on the watchlist for `candidates` in a command of its own (audit `watchlist.added`,
   * actor `actor`, e.g. the system for a re-screening job). Nothing new to add: no event, no version change.
   * Answers the reasons added. A job calls it with the system actor; `context` joins the event (a job id).
   */
  add(
    actor: Actor,
    applicationId: string,
    candidates: readonly WatchlistCandidate[],
    context: Record<string, JsonValue> = {},
  ): Promise<WatchlistReason[]> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      const addition = await addWatchlistReasonsIn(ctx, candidates);
      if (addition.added.length === 0) return [];
      await this.runner.commit(ctx, addition.changes, {
        role: ctx.actor.roles.includes('system') ? 'system' : 'officer',
        action: 'watchlist.added',
        after: { reasons: addition.added.map((r) => r.id) },
        context: { ...context, ...addition.context },
      });
      return addition.added;
    });
  }

  /** An officer clears an active reason `{ reasonId, note, expectedVersion? }`. */
  clear(
    actor: Actor,
    applicationId: string,
    input: { reasonId: unknown; note: unknown; expectedVersion?: number },
  ): Promise<WatchlistView> {
    return this.runner.run(actor, applicationId, async (ctx) => {
      this.runner.checkVersion(ctx, input.expectedVersion);
      const current = await listWatchlistReasons(ctx.manager, applicationId);
      const { reasons, cleared } = clearWatchlistReason(
        current,
        String(input.reasonId ?? ''),
        input.note,
        ctx.actor,
        ctx.now.toISOString(),
      );
      await saveWatchlistReasons(ctx.manager, applicationId, [], [cleared]);
      const onWatchlist = isOnWatchlist(reasons);
      await this.runner.commit(
        ctx,
        { onWatchlist },
        {
          role: 'officer',
          action: 'watchlist.cleared',
          subject: { type: 'watchlist_reason', id: cleared.id },
          reason: cleared.clearNote,
          before: { kind: cleared.kind, ref: cleared.ref, detail: cleared.detail },
          after: { onWatchlist },
        },
      );
      return { applicationId, onWatchlist, reasons };
    });
  }

  /** The reasons of a project, active and cleared (404 for whoever may not read the application). */
  async read(actor: Actor, applicationId: string): Promise<WatchlistView> {
    return this.reads.read(actor, applicationId, async (manager, app) => {
      const reasons = await listWatchlistReasons(manager, applicationId);
      return { applicationId: app.id, onWatchlist: isOnWatchlist(reasons), reasons };
    });
  }
}
