import { describe, expect, it } from '@jest/globals';
import {
  type AuditEvent,
  canonicalEvent,
  computeEventHash,
  GENESIS_PREV_HASH,
  hashedObject,
  recordShapeProblem,
  sealAuditEvent,
  toExportLine,
} from '@forge/audit';

// Vectors computed independently of this code base with python3 (3.11):
//   c = json.dumps(event, sort_keys=True, separators=(',', ':'), ensure_ascii=False)
//   hashlib.sha256((event['prevHash'] + c).encode('utf-8')).hexdigest()
// For these events (ASCII keys, integers, no floats) that dump equals RFC 8785.
const EVENT_0: AuditEvent = {
  seq: 0,
  id: '00000000-0000-4000-8000-000000000000',
  occurredAt: '2025-01-31T09:15:00.000Z',
  actor: { id: 'system', role: 'system' },
  action: 'reference.loaded',
  subject: { type: 'reference', id: 'countries' },
  applicationId: null,
  reason: null,
  before: null,
  after: { sha256: 'ab' },
  context: { jobId: 'job-1' },
  prevHash: GENESIS_PREV_HASH,
};
const HASH_0 = '52119bc129f18a0584d4d1b94d3ff3f0533a2833fd9b7e41cc339bbc6c08e7ee';
const CANONICAL_0 =
  '{"action":"reference.loaded","actor":{"id":"system","role":"system"},"after":{"sha256":"ab"},' +
  '"applicationId":null,"before":null,"context":{"jobId":"job-1"},' +
  '"id":"00000000-0000-4000-8000-000000000000","occurredAt":"2025-01-31T09:15:00.000Z",' +
  '"prevHash":"0000000000000000000000000000000000000000000000000000000000000000","reason":null,' +
  '"seq":0,"subject":{"id":"countries","type":"reference"}}';

const EVENT_1: AuditEvent = {
  seq: 1,
  id: '11111111-1111-4111-8111-111111111111',
  occurredAt: '2025-01-31T09:16:30.250Z',
  actor: { id: 'u-42', role: 'officer' },
  action: 'application.stage_changed',
  subject: { type: 'application', id: 'a-1' },
  applicationId: 'a-1',
  reason: 'Révision ESG: eau\nOK',
  before: { stage: 'submitted' },
  after: { stage: 'esg_review', version: 3 },
  context: { requestId: 'r-9', amounts: [250000000, -1, 0] },
  prevHash: HASH_0,
};
const HASH_1 = '28f22d9626c752ed70586615ec7ddf777b0d8ae09e76232dc2aa5379ee1d092b';

describe('event hash', () => {
  it('matches independently computed vectors', () => {
    expect(GENESIS_PREV_HASH).toBe('0'.repeat(64));
    expect(canonicalEvent(EVENT_0)).toBe(CANONICAL_0);
    expect(computeEventHash(EVENT_0)).toBe(HASH_0);
    expect(computeEventHash(EVENT_1)).toBe(HASH_1);
  });

  it('hashes exactly the twelve fields: absent → null, hash and extras ignored', () => {
    const { applicationId: _a, reason: _r, before: _b, ...draft } = EVENT_0;
    expect(computeEventHash(draft)).toBe(HASH_0);
    const withExtras = { ...EVENT_0, hash: 'f'.repeat(64), extra: 1 } as AuditEvent;
    expect(computeEventHash(withExtras)).toBe(HASH_0);
    expect(Object.keys(hashedObject(withExtras)).sort()).toEqual(
      [
        'action',
        'actor',
        'after',
        'applicationId',
        'before',
        'context',
        'id',
        'occurredAt',
        'prevHash',
        'reason',
        'seq',
        'subject',
      ].sort(),
    );
  });

  it('changes with any field, including prevHash', () => {
    expect(computeEventHash({ ...EVENT_1, reason: 'Revision' })).not.toBe(HASH_1);
    expect(computeEventHash({ ...EVENT_1, seq: 2 })).not.toBe(HASH_1);
    expect(computeEventHash({ ...EVENT_1, prevHash: GENESIS_PREV_HASH })).not.toBe(HASH_1);
  });

  it('export line is the hashed object plus hash, parseable back to a valid record', () => {
    const record = sealAuditEvent(EVENT_1);
    expect(record.hash).toBe(HASH_1);
    const line = toExportLine(record);
    expect(line).not.toContain('\n');
    const parsed: unknown = JSON.parse(line);
    expect(parsed).toEqual({ ...EVENT_1, hash: HASH_1 });
    expect(recordShapeProblem(parsed)).toBeNull();
  });

  it('shape check names the problem', () => {
    const record = sealAuditEvent(EVENT_1);
    expect(recordShapeProblem({ ...record, extra: 1 })).toBe('unexpected field "extra"');
    const { context: _c, ...missing } = record;
    expect(recordShapeProblem(missing)).toBe('missing field "context"');
    expect(recordShapeProblem({ ...record, occurredAt: '2025-01-31T09:16:30Z' })).toMatch(/occurredAt/);
    expect(recordShapeProblem({ ...record, hash: 'ABC' })).toMatch(/hash/);
    expect(recordShapeProblem('x')).toBe('not a JSON object');
    expect(recordShapeProblem({ ...record, actor: { ...record.actor, name: 7 } })).toMatch(/actor/);
    expect(recordShapeProblem({ ...record, actor: { ...record.actor, email: 'x@y' } })).toMatch(/actor/);
  });

  it('hashes the actor’s name as of the event when one was recorded, and events without one as before', () => {
    // python3: json.dumps(event, sort_keys=True, separators=(',', ':'), ensure_ascii=False), as above.
    const named: AuditEvent = {
      seq: 2,
      id: '22222222-2222-4222-8222-222222222222',
      occurredAt: '2025-01-31T09:17:00.000Z',
      actor: { id: 'u-42', role: 'officer', name: 'Ana Ruiz' },
      action: 'check.resolved',
      subject: { type: 'check', id: 'ELIG.TICKET' },
      applicationId: 'a-1',
      reason: null,
      before: null,
      after: { outcome: 'pass' },
      context: null,
      prevHash: HASH_1,
    };
    expect(canonicalEvent(named)).toContain('"actor":{"id":"u-42","name":"Ana Ruiz","role":"officer"}');
    expect(computeEventHash(named)).toBe('f97cc477a14dc1b68a409598ff1524dc8575a3aecbeaf17cdd978379e2bca3dc');
    expect(computeEventHash({ ...named, actor: { ...named.actor, name: 'Ana Ruiz-Díaz' } })).not.toBe(
      computeEventHash(named),
    );
    const record = sealAuditEvent(named);
    expect(recordShapeProblem(JSON.parse(toExportLine(record)))).toBeNull();
    expect(computeEventHash(EVENT_1)).toBe(HASH_1); // no name: unchanged
  });
});
