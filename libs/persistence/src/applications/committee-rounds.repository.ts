import { type EntityManager } from 'typeorm';
import {
  ROUND_END_REASONS,
  ROUND_OUTCOMES,
  oneOfOrNull,
  type PipelineJson,
  type RoundEndReason,
  type RoundOutcome,
  type RoundTally,
} from '@forge/domain';
import { type CommitteeRoundsRow } from '../entities/committee_rounds.entity.js';
import { returnedRows } from '../returned-rows.js';

/** A committee round as stored (pipeline.md "Investment committee"); the IC pack is read on its own. */
export interface CommitteeRoundRecord {
  applicationId: string;
  round: number;
  movedBy: string;
  eligibleMemberIds: string[];
  openedAt: Date;
  deadline: Date;
  assessmentId: string | null;
  icPackHash: string | null;
  closedAt: Date | null;
  closeReason: RoundEndReason | null;
  outcome: RoundOutcome | null;
  tally: RoundTally | null;
}

/** The IC pack frozen when a round opened: the JSON members read and its SHA-256 (RFC 8785). */
export interface StoredIcPack {
  round: number;
  openedAt: Date;
  icPack: { [key: string]: PipelineJson } | null;
  icPackHash: string | null;
}

export const ROUND_COLUMNS = `application_id, round, moved_by, eligible_member_ids, opened_at, deadline, assessment_id,
  ic_pack_hash, closed_at, close_reason, outcome, tally`;

/** The row `ROUND_COLUMNS` selects. */
export type RoundRow = Omit<CommitteeRoundsRow, 'ic_pack'>;

export function toRound(row: RoundRow): CommitteeRoundRecord {
  return {
    applicationId: row.application_id,
    round: row.round,
    movedBy: row.moved_by,
    eligibleMemberIds: row.eligible_member_ids,
    openedAt: row.opened_at,
    deadline: row.deadline,
    assessmentId: row.assessment_id,
    icPackHash: row.ic_pack_hash?.trim() ?? null,
    closedAt: row.closed_at,
    closeReason: oneOfOrNull(ROUND_END_REASONS, row.close_reason, 'committee_rounds.close_reason'),
    outcome: oneOfOrNull(ROUND_OUTCOMES, row.outcome, 'committee_rounds.outcome'),
    tally: row.tally,
  };
}

/** The application's latest round (the highest number), or null before its first entry into committee. */
export async function findLatestRound(
  manager: EntityManager,
  applicationId: string,
): Promise<CommitteeRoundRecord | null> {
  const rows: RoundRow[] = await manager.query(
    `SELECT ${ROUND_COLUMNS} FROM committee_rounds WHERE application_id = $1 ORDER BY round DESC LIMIT 1`,
    [applicationId],
  );
  return rows[0] ? toRound(rows[0]) : null;
}

type IcPackRow = Pick<CommitteeRoundsRow, 'round' | 'opened_at' | 'ic_pack' | 'ic_pack_hash'>;

/** The IC pack of the application's latest round (null before the first round). */
export async function findLatestIcPack(
  manager: EntityManager,
  applicationId: string,
): Promise<StoredIcPack | null> {
  const rows: IcPackRow[] = await manager.query(
    `SELECT round, opened_at, ic_pack, ic_pack_hash FROM committee_rounds
      WHERE application_id = $1 ORDER BY round DESC LIMIT 1`,
    [applicationId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    round: row.round,
    openedAt: row.opened_at,
    icPack: row.ic_pack,
    icPackHash: row.ic_pack_hash?.trim() ?? null,
  };
}

export async function insertRound(
  manager: EntityManager,
  values: {
    applicationId: string;
    round: number;
    movedBy: string;
    eligibleMemberIds: readonly string[];
    openedAt: Date;
    deadline: Date;
    assessmentId: string;
    icPack: object;
    icPackHash: string;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO committee_rounds (application_id, round, moved_by, eligible_member_ids, opened_at, deadline,
                                   assessment_id, ic_pack, ic_pack_hash)
     VALUES ($1, $2, $3, $4::uuid[], $5, $6, $7, $8::jsonb, $9)`,
    [
      values.applicationId,
      values.round,
      values.movedBy,
      values.eligibleMemberIds,
      values.openedAt,
      values.deadline,
      values.assessmentId,
      JSON.stringify(values.icPack),
      values.icPackHash,
    ],
  );
}

/**
 * Closes the open round `round` (once: a closed round is left as it is and `false` answered). `outcome` and
 * `tally` only for a round closed by its votes or its deadline.
 */
export async function closeRoundRecord(
  manager: EntityManager,
  values: {
    applicationId: string;
    round: number;
    closedAt: Date;
    closeReason: RoundEndReason;
    outcome: CommitteeRoundRecord['outcome'];
    tally: object | null;
  },
): Promise<boolean> {
  const result: unknown = await manager.query(
    `UPDATE committee_rounds SET closed_at = $3, close_reason = $4, outcome = $5, tally = $6::jsonb
      WHERE application_id = $1 AND round = $2 AND closed_at IS NULL RETURNING round`,
    [
      values.applicationId,
      values.round,
      values.closedAt,
      values.closeReason,
      values.outcome,
      values.tally === null ? null : JSON.stringify(values.tally),
    ],
  );
  return returnedRows(result).length === 1;
}

/** Members who declared a conflict of interest on the application, in any round: never eligible again. */
export async function recusedMemberIds(manager: EntityManager, applicationId: string): Promise<string[]> {
  const rows: Array<{ user_id: string }> = await manager.query(
    `SELECT DISTINCT user_id FROM committee_votes WHERE application_id = $1 AND conflict_of_interest ORDER BY user_id`,
    [applicationId],
  );
  return rows.map((r) => r.user_id);
}

/**
 * Applications whose open round is due at `now`: its deadline passed, or every eligible member has voted or
 * recused (a close that a guard held back is retried). Oldest deadline first.
 */
export async function dueRoundApplicationIds(
  manager: EntityManager,
  now: Date,
  limit: number,
): Promise<string[]> {
  const rows: Array<{ application_id: string }> = await manager.query(
    `SELECT r.application_id FROM committee_rounds r
      WHERE r.closed_at IS NULL
        AND (r.deadline <= $1
             OR NOT EXISTS (SELECT 1 FROM unnest(r.eligible_member_ids) AS m(id)
                             WHERE NOT EXISTS (SELECT 1 FROM committee_votes v
                                                WHERE v.application_id = r.application_id AND v.round = r.round
                                                  AND v.user_id = m.id)))
      ORDER BY r.deadline, r.application_id LIMIT $2`,
    [now, limit],
  );
  return rows.map((r) => r.application_id);
}
