import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendToCheckpointLog,
  checkpointLogLine,
  compareCheckpointSeries,
  parseCheckpointLog,
  readCheckpointLog,
  type SignedCheckpoint,
  signCheckpoint,
} from '@forge/audit';
import { KEYS, OTHER_KEYS } from './fixtures.js';

const checkpoint = (treeSize: number, keys = KEYS): SignedCheckpoint =>
  signCheckpoint(
    {
      treeSize,
      rootHash: String(treeSize % 10).repeat(64),
      timestamp: `2025-01-01T00:00:${String(treeSize % 60).padStart(2, '0')}.000Z`,
    },
    keys.privateKeyPem,
  );

const SERIES = [checkpoint(4), checkpoint(9), checkpoint(16)];
const codes = (db: SignedCheckpoint[], log: ReturnType<typeof readCheckpointLog> | null) =>
  compareCheckpointSeries(db, log, KEYS.publicKeyPem).alarms.map((a) => a.code);
const asLog = (entries: SignedCheckpoint[]) => ({ exists: true, entries, malformedLines: [] });

describe('checkpoint log file', () => {
  it('appends RFC 8785 lines, fsynced, and reads them back; a torn last line is ignored', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'forge-cplog-')), 'nested', 'audit-checkpoints.jsonl');
    expect(readCheckpointLog(path)).toEqual({ exists: false, entries: [], malformedLines: [] });
    appendToCheckpointLog(path, SERIES.slice(0, 2));
    appendToCheckpointLog(path, SERIES.slice(2));
    expect(readFileSync(path, 'utf8')).toBe(SERIES.map((c) => `${checkpointLogLine(c)}\n`).join(''));
    expect(checkpointLogLine(SERIES[0] as SignedCheckpoint)).toMatch(/^\{"rootHash":"4{64}","signature":"/);
    writeFileSync(path, `${readFileSync(path, 'utf8')}{"treeSize":2`, { flag: 'w' });
    expect(readCheckpointLog(path)).toEqual({ exists: true, entries: SERIES, malformedLines: [] });
    expect(parseCheckpointLog('not json\n\n{"treeSize":1}\n').malformedLines).toEqual([1, 3]);
  });

  it('agrees when the database equals the file, or is ahead of it', () => {
    expect(codes(SERIES, asLog(SERIES))).toEqual([]);
    expect(codes(SERIES, asLog([SERIES[1] as SignedCheckpoint, SERIES[0] as SignedCheckpoint]))).toEqual([]);
    expect(codes(SERIES, asLog([...SERIES, ...SERIES]))).toEqual([]);
    expect(codes([], { exists: false, entries: [], malformedLines: [] })).toEqual([]);
    expect(codes(SERIES, null)).toEqual([]);
  });

  it('raises an alarm for every way the series can be shrunk, rewritten or lost', () => {
    // Every checkpoint deleted from the database.
    expect(codes([], asLog(SERIES))).toEqual(['CHECKPOINT_MISSING', 'CHECKPOINT_SERIES_SHRANK']);
    // The latest one deleted.
    const shrunk = compareCheckpointSeries(SERIES.slice(0, 2), asLog(SERIES), KEYS.publicKeyPem);
    expect(shrunk.alarms.map((a) => a.code)).toEqual(['CHECKPOINT_MISSING', 'CHECKPOINT_SERIES_SHRANK']);
    expect(shrunk.missingTreeSizes).toEqual([16]);
    expect(shrunk.alarms[1]?.message).toBe(
      "the database's latest checkpoint covers 9 events, the log file's covers 16",
    );
    // One in the middle deleted: the latest is still there, but the series has a hole.
    expect(codes([SERIES[0], SERIES[2]] as SignedCheckpoint[], asLog(SERIES))).toEqual([
      'CHECKPOINT_MISSING',
    ]);
    // Re-signed with another key and put in place of the original.
    const forged = [SERIES[0], SERIES[1], checkpoint(16, OTHER_KEYS)] as SignedCheckpoint[];
    expect(codes(forged, asLog(SERIES))).toEqual(['CHECKPOINT_SIGNATURE_INVALID', 'CHECKPOINT_DIVERGED']);
    // A database checkpoint that differs from the file's at the same size.
    const other = { ...(SERIES[2] as SignedCheckpoint), timestamp: '2026-01-01T00:00:00.000Z' };
    expect(codes([SERIES[0], SERIES[1], other] as SignedCheckpoint[], asLog(SERIES))).toEqual([
      'CHECKPOINT_SIGNATURE_INVALID',
      'CHECKPOINT_DIVERGED',
    ]);
    // The file deleted while the database holds checkpoints.
    expect(codes(SERIES, { exists: false, entries: [], malformedLines: [] })).toEqual([
      'CHECKPOINT_LOG_MISSING',
    ]);
    // Junk appended to the file.
    expect(
      codes(SERIES, { exists: true, entries: [...SERIES, checkpoint(20, OTHER_KEYS)], malformedLines: [7] }),
    ).toEqual(['CHECKPOINT_LOG_INVALID']);
  });
});
