import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  type AuditEventContent,
  canonicalEvent,
  contentBytes,
  contentHashOf,
  GENESIS_PREV_HASH,
  positionedBytes,
} from '@forge/audit';

/** JSON values whose objects use the event's own key names too (a nested "reason", "subject", "seq"…). */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom('reason', 'subject', 'seq', 'prevHash', ',"reason":', 'id'), fc.string()),
      tie('value'),
      { maxKeys: 4 },
    ),
  ),
})).value as fc.Arbitrary<AuditEventContent['after']>;

const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(',"reason":x', '","subject":{', '\\"'));

const content: fc.Arbitrary<AuditEventContent> = fc.record({
  id: fc.uuid(),
  occurredAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  actor: fc.record({ id: text, role: text }, { requiredKeys: ['id', 'role'] }),
  action: text,
  subject: fc.record({ type: text, id: text }),
  applicationId: fc.option(fc.uuid()),
  reason: fc.option(text),
  before: json,
  after: json,
  context: json,
});

describe('positioned bytes (issue 18.1: the sequencer splices seq and prevHash into the content bytes)', () => {
  it('equal the RFC 8785 serialisation of the positioned event, whatever the content', () => {
    fc.assert(
      fc.property(
        content,
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        (event, seq, prevHash) => {
          const bytes = positionedBytes(contentBytes(event), seq, prevHash);
          expect(bytes.toString('utf8')).toBe(canonicalEvent({ ...event, seq, prevHash }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a bad position and bytes that are not an event’s content', () => {
    const event: AuditEventContent = {
      id: '00000000-0000-4000-8000-000000000000',
      occurredAt: '2025-01-31T09:15:00.000Z',
      actor: { id: 'system', role: 'system' },
      action: 'reference.loaded',
      subject: { type: 'reference', id: 'countries' },
      applicationId: null,
      reason: null,
      before: null,
      after: null,
      context: null,
    };
    const bytes = contentBytes(event);
    expect(() => positionedBytes(bytes, -1, GENESIS_PREV_HASH)).toThrow(/seq/);
    expect(() => positionedBytes(bytes, 1.5, GENESIS_PREV_HASH)).toThrow(/seq/);
    expect(() => positionedBytes(bytes, 0, 'ABC')).toThrow(/prevHash/);
    expect(() => positionedBytes(Buffer.from('{"a":1}'), 0, GENESIS_PREV_HASH)).toThrow(/content/);
    expect(contentHashOf(bytes)).toMatch(/^[0-9a-f]{64}$/);
  });
});
