import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { canonicalJson } from '@forge/domain';
import { isSha256Hex } from './audit-event.js';
import { type SignedCheckpoint, verifyCheckpoint } from './checkpoint.js';

/**
 * The checkpoint series kept OUTSIDE the database (issue 13, item 10): every signed checkpoint is appended, one
 * RFC 8785 line each, to a file under the data directory (`AUDIT_CHECKPOINT_LOG`). The file is only ever
 * appended to (O_APPEND, fsync), so a database superuser who deletes or rewrites checkpoints in PostgreSQL
 * leaves the file disagreeing with the database, which `GET /audit/verify` and `/health/ready` report.
 */

/** Why the trail is not trustworthy right now, or what needs an operator (docs/audit.md, "Alarms"). */
export interface AuditAlarm {
  code: AuditAlarmCode;
  message: string;
}

/**
 * Every alarm, in the order the API documents them (the /audit/verify schema's enum), with its kind: `integrity`
 * when the evidence itself disagrees, `operational` for a problem of running the trail.
 */
const AUDIT_ALARMS = [
  /** The hash chain does not verify (an edited, deleted, inserted or reordered event). */
  ['CHAIN_INVALID', 'integrity'],
  /** The events do not hash to the root a checkpoint signed (the chain was rewritten and re-hashed). */
  ['CHECKPOINT_ROOT_MISMATCH', 'integrity'],
  /** Fewer events are stored than a signed checkpoint covers (events deleted from the tail). */
  ['LOG_SHORTER_THAN_CHECKPOINT', 'integrity'],
  /** A checkpoint in the database is not signed by the configured key. */
  ['CHECKPOINT_SIGNATURE_INVALID', 'integrity'],
  /** A checkpoint of the file is absent from the database (deleted there). */
  ['CHECKPOINT_MISSING', 'integrity'],
  /** The database's latest checkpoint is older than the file's: the series shrank. */
  ['CHECKPOINT_SERIES_SHRANK', 'integrity'],
  /** The database and the file hold different checkpoints for the same tree size. */
  ['CHECKPOINT_DIVERGED', 'integrity'],
  /** The database holds signed checkpoints but the file does not exist. */
  ['CHECKPOINT_LOG_MISSING', 'integrity'],
  /** A line of the file is not a checkpoint signed by the configured key. */
  ['CHECKPOINT_LOG_INVALID', 'integrity'],
  /** The last attempt to sign a checkpoint was refused (see its message). */
  ['CHECKPOINT_REFUSED', 'operational'],
  /** The last full verification (by any process) found the trail invalid. */
  ['LAST_VERIFICATION_FAILED', 'operational'],
  /** The external witness did not acknowledge the latest checkpoint. */
  ['WITNESS_BEHIND', 'operational'],
] as const;

export type AuditAlarmCode = (typeof AUDIT_ALARMS)[number][0];

/** Every alarm code, in the order the API documents them. */
export const AUDIT_ALARM_CODES: readonly AuditAlarmCode[] = AUDIT_ALARMS.map(([code]) => code);

/** Alarms that mean the evidence itself disagrees (as opposed to an operational problem). */
export const INTEGRITY_ALARMS: ReadonlySet<AuditAlarmCode> = new Set(
  AUDIT_ALARMS.filter(([, kind]) => kind === 'integrity').map(([code]) => code),
);

/** One line of the file: the signed checkpoint in RFC 8785 form (no trailing newline). */
export function checkpointLogLine(checkpoint: SignedCheckpoint): string {
  return canonicalJson({
    treeSize: checkpoint.treeSize,
    rootHash: checkpoint.rootHash,
    timestamp: checkpoint.timestamp,
    signature: checkpoint.signature,
  });
}

export interface CheckpointLogContents {
  /** False when the file does not exist. */
  exists: boolean;
  /** Parsed checkpoints, in file order (duplicates kept). */
  entries: SignedCheckpoint[];
  /** 1-based numbers of lines that are not checkpoints (an unterminated last line is ignored). */
  malformedLines: number[];
}

function isCheckpoint(value: unknown): value is SignedCheckpoint {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(v.treeSize) &&
    (v.treeSize as number) >= 0 &&
    isSha256Hex(v.rootHash) &&
    typeof v.timestamp === 'string' &&
    typeof v.signature === 'string'
  );
}

/** Parses the file's text. A last line without its newline is a write in progress and is skipped. */
export function parseCheckpointLog(text: string): Omit<CheckpointLogContents, 'exists'> {
  const entries: SignedCheckpoint[] = [];
  const malformedLines: number[] = [];
  const lines = text.split('\n');
  // The element after the last '\n' is either '' or an unterminated write.
  lines.pop();
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const value: unknown = JSON.parse(line);
      if (isCheckpoint(value)) {
        entries.push({
          treeSize: value.treeSize,
          rootHash: value.rootHash,
          timestamp: value.timestamp,
          signature: value.signature,
        });
        return;
      }
    } catch {
      // reported below
    }
    malformedLines.push(i + 1);
  });
  return { entries, malformedLines };
}

/** Reads the file; a missing file is `{ exists: false }`, any other read error throws. */
export function readCheckpointLog(path: string): CheckpointLogContents {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return { exists: false, entries: [], malformedLines: [] };
    }
    throw error;
  }
  return { exists: true, ...parseCheckpointLog(text) };
}

/**
 * Appends checkpoints to the file (created with mode 0600, its folder with 0700) in one write, then fsyncs:
 * once this returns, the lines survive a crash. The file is opened O_APPEND, so concurrent writers on one
 * machine never overwrite each other (the checkpoint builder also serialises them).
 */
export function appendToCheckpointLog(path: string, checkpoints: readonly SignedCheckpoint[]): void {
  if (checkpoints.length === 0) return;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fd = openSync(path, 'a', 0o600);
  try {
    writeSync(fd, checkpoints.map((c) => `${checkpointLogLine(c)}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function sameCheckpoint(a: SignedCheckpoint, b: SignedCheckpoint): boolean {
  return (
    a.treeSize === b.treeSize &&
    a.rootHash === b.rootHash &&
    a.timestamp === b.timestamp &&
    a.signature === b.signature
  );
}

export interface CheckpointSeriesReport {
  alarms: AuditAlarm[];
  /** Checkpoints in the database / distinct checkpoints in the file. */
  databaseCount: number;
  logCount: number;
  databaseLatestTreeSize: number | null;
  logLatestTreeSize: number | null;
  /** Whether the file exists (null when no file is configured). */
  logExists: boolean | null;
  /** Tree sizes the file holds and the database lacks. */
  missingTreeSizes: number[];
}

/**
 * Compares the database's checkpoint series with the file's (and checks every signature with the configured
 * key). The file is a set: order does not matter, duplicates are fine. What is an alarm:
 *  - a database checkpoint whose signature does not verify;
 *  - a file line that is not a validly signed checkpoint;
 *  - a file checkpoint the database lacks (deleted), or holds differently (rewritten);
 *  - the database's latest tree size below the file's (the series shrank; also when every checkpoint was
 *    deleted);
 *  - no file although the database holds checkpoints (the copy was lost or never kept).
 * A database ahead of the file is not an alarm: another machine may have signed, and the builder appends
 * what its file lacks before it signs the next one.
 */
export function compareCheckpointSeries(
  database: readonly SignedCheckpoint[],
  log: CheckpointLogContents | null,
  publicKeyPem: string,
): CheckpointSeriesReport {
  const alarms: AuditAlarm[] = [];
  const bySize = new Map<number, SignedCheckpoint>();
  const badSignatures: number[] = [];
  for (const checkpoint of database) {
    bySize.set(checkpoint.treeSize, checkpoint);
    if (!verifyCheckpoint(checkpoint, publicKeyPem)) badSignatures.push(checkpoint.treeSize);
  }
  if (badSignatures.length > 0) {
    alarms.push({
      code: 'CHECKPOINT_SIGNATURE_INVALID',
      message: `checkpoint(s) of tree size ${listed(badSignatures)} in the database are not signed by the configured key`,
    });
  }
  const databaseLatest = database.reduce<number | null>(
    (m, c) => (m === null || c.treeSize > m ? c.treeSize : m),
    null,
  );

  const report: CheckpointSeriesReport = {
    alarms,
    databaseCount: database.length,
    logCount: 0,
    databaseLatestTreeSize: databaseLatest,
    logLatestTreeSize: null,
    logExists: log === null ? null : log.exists,
    missingTreeSizes: [],
  };
  if (log === null) return report;
  if (!log.exists) {
    if (database.length > 0) {
      alarms.push({
        code: 'CHECKPOINT_LOG_MISSING',
        message: `the database holds ${database.length} signed checkpoint(s) but the checkpoint log file does not exist`,
      });
    }
    return report;
  }

  const logBySize = new Map<number, SignedCheckpoint>();
  const invalid: string[] = log.malformedLines.map((n) => `line ${n} is not a checkpoint`);
  for (const entry of log.entries) {
    if (!verifyCheckpoint(entry, publicKeyPem)) {
      invalid.push(`tree size ${entry.treeSize} is not signed by the configured key`);
      continue;
    }
    const seen = logBySize.get(entry.treeSize);
    if (seen !== undefined && !sameCheckpoint(seen, entry)) {
      invalid.push(`tree size ${entry.treeSize} appears twice with different contents`);
      continue;
    }
    logBySize.set(entry.treeSize, entry);
  }
  if (invalid.length > 0) {
    alarms.push({
      code: 'CHECKPOINT_LOG_INVALID',
      message: `checkpoint log: ${invalid.slice(0, 5).join('; ')}`,
    });
  }
  report.logCount = logBySize.size;
  const logSizes = [...logBySize.keys()].sort((a, b) => a - b);
  report.logLatestTreeSize = logSizes.length === 0 ? null : (logSizes[logSizes.length - 1] as number);

  const diverged: number[] = [];
  for (const size of logSizes) {
    const inDatabase = bySize.get(size);
    if (inDatabase === undefined) report.missingTreeSizes.push(size);
    else if (!sameCheckpoint(inDatabase, logBySize.get(size) as SignedCheckpoint)) diverged.push(size);
  }
  if (report.missingTreeSizes.length > 0) {
    alarms.push({
      code: 'CHECKPOINT_MISSING',
      message: `${report.missingTreeSizes.length} checkpoint(s) of the log file are missing from the database (tree size ${listed(report.missingTreeSizes)})`,
    });
  }
  if (
    report.logLatestTreeSize !== null &&
    (databaseLatest === null || databaseLatest < report.logLatestTreeSize)
  ) {
    alarms.push({
      code: 'CHECKPOINT_SERIES_SHRANK',
      message: `the database's latest checkpoint covers ${databaseLatest ?? 0} events, the log file's covers ${report.logLatestTreeSize}`,
    });
  }
  if (diverged.length > 0) {
    alarms.push({
      code: 'CHECKPOINT_DIVERGED',
      message: `the database and the log file hold different checkpoints for tree size ${listed(diverged)}`,
    });
  }
  return report;
}

function listed(values: readonly number[]): string {
  return values.length <= 5 ? values.join(', ') : `${values.slice(0, 5).join(', ')} … (${values.length})`;
}
