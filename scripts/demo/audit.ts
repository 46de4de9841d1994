import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { AUDIT_SEQUENCER_LOCK, runAuditVerifyCli } from '@forge/audit';
import { type ApiClient } from './api-client.js';

const say = (line = '') => process.stdout.write(`${line}\n`);

interface TrailEvent {
  seq: number;
  action: string;
  actor: { id: string; role: string; name?: string };
}

/**
 * What an auditor takes away (issue 13.11): who acted, in words, as of each event (an auditor cannot read
 * `/admin/users`), and a proof bundle that verifies alone, with nothing else but the operator's public key; one
 * changed byte fails it. A sponsor is refused the raw trail. Returns false when a check does not end as it should.
 */
export async function runAuditorDemo(args: {
  api: ApiClient;
  auditorToken: string;
  sponsorToken?: string;
  application: { id: string; reference: string };
  bundleFile: string;
  keyFile: string;
  outputDir: string;
}): Promise<boolean> {
  const { api, auditorToken, application } = args;
  const trail = await api.call<{ items: TrailEvent[] }>(
    'GET',
    `/api/v1/applications/${application.id}/audit-trail?limit=500`,
    { token: auditorToken },
  );
  say(`\nWho acted on ${application.reference}, as the trail recorded it (name and role as of each event):`);
  const seen = new Set<string>();
  for (const event of trail.items) {
    const who = `${event.actor.name ?? event.actor.id} (${event.actor.role})`;
    if (seen.has(who)) continue;
    seen.add(who);
    say(`  seq ${String(event.seq).padStart(4)}  ${event.action.padEnd(34)} ${who}`);
  }
  let ok = trail.items.every((event) => event.actor.name !== undefined);

  if (args.sponsorToken !== undefined) {
    const refused = await api.call('GET', `/api/v1/applications/${application.id}/audit-trail`, {
      token: args.sponsorToken,
      expect: [403],
    });
    say(`A sponsor asking for the raw trail: 403 ${(refused as { code?: string }).code ?? ''}`.trimEnd());
  }

  const verify = async (bundleFile: string): Promise<{ code: number; lines: string[] }> => {
    const lines: string[] = [];
    const code = await runAuditVerifyCli(['--bundle', bundleFile, '--public-key', args.keyFile], {
      out: (text) => lines.push(...text.split('\n')),
      err: (text) => lines.push(...text.split('\n')),
    });
    return { code, lines };
  };
  say('\nThe proof bundle verified ALONE (no export, no database, no network):');
  say(`  npm run audit:verify -- --bundle ${args.bundleFile} --public-key ${args.keyFile}`);
  const alone = await verify(args.bundleFile);
  for (const line of alone.lines) say(`  | ${line}`);
  say(`  exit code ${alone.code}`);
  ok &&= alone.code === 0;

  const text = readFileSync(args.bundleFile, 'utf8');
  const at = text.indexOf('"action": "') + '"action": "'.length;
  const tampered = `${text.slice(0, at)}${text[at] === 'X' ? 'Y' : 'X'}${text.slice(at + 1)}`;
  const tamperedFile = join(args.outputDir, `proof-bundle-${application.reference}-one-byte-changed.json`);
  writeFileSync(tamperedFile, tampered);
  say('The same bundle with one byte changed (the first letter of one event’s action):');
  const bad = await verify(tamperedFile);
  for (const line of bad.lines.filter((l) => l.startsWith('FAIL') || l.startsWith('RESULT'))) {
    say(`  | ${line}`);
  }
  say(`  exit code ${bad.code}`);
  ok &&= bad.code === 1;
  return ok;
}

interface PendingOrSequenced {
  id: string;
  seq: number | null;
  sequenced: boolean;
  action: string;
  subject: { id: string };
  hash: string | null;
  contentHash?: string;
}

/**
 * Issue 18.1: an event is recorded at its command's COMMIT without a place in the chain, and the worker's
 * sequencer places it moments later. To make the pending state visible, this demo holds the sequencer's advisory
 * lock for a moment (as a leader stuck mid-batch would), records an event through the API (a failed sign-in),
 * shows it pending in the trail, then lets go: the worker places it. Returns false when a step does not end as
 * it should.
 */
export async function runSequencingDemo(args: {
  api: ApiClient;
  auditorToken: string;
  databaseUrl: string;
}): Promise<boolean> {
  const { api, auditorToken } = args;
  const email = `nobody-${Date.now()}@forge.demo`;
  const holder = new pg.Client({ connectionString: args.databaseUrl });
  await holder.connect();
  const find = async (): Promise<PendingOrSequenced | undefined> => {
    const page = await api.call<{ items: PendingOrSequenced[] }>(
      'GET',
      '/api/v1/audit/events?action=auth.failed_login&limit=500',
      { token: auditorToken },
    );
    return page.items.find((event) => event.subject.id === email);
  };
  try {
    say('\nSequencing after COMMIT (issue 18.1): a leader stuck mid-batch holds the sequencer’s lock…');
    await holder.query('BEGIN');
    await holder.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_SEQUENCER_LOCK]);
    await api.call('POST', '/api/v1/auth/token', { body: { email, password: 'wrong' }, expect: [401] });
    const pending = await find();
    say(
      `  a failed sign-in, committed: sequenced=${pending?.sequenced} seq=${pending?.seq} contentHash=${pending?.contentHash?.slice(0, 16)}…`,
    );
    await holder.query('ROLLBACK');
    const released = performance.now();
    let placed: { seq: string } | undefined;
    while (placed === undefined && performance.now() - released < 10_000) {
      const { rows } = await holder.query<{ seq: string }>(
        `SELECT seq FROM audit_events WHERE subject_id = $1 AND seq IS NOT NULL`,
        [email],
      );
      placed = rows[0];
    }
    const ms = Math.round(performance.now() - released);
    const after = await find();
    say(`  …the leader gives up its lock; the worker's sequencer placed it ${ms} ms later:`);
    say(`  sequenced=${after?.sequenced} seq=${after?.seq} hash=${after?.hash?.slice(0, 16)}…`);
    return (
      pending?.sequenced === false && pending.seq === null && after?.sequenced === true && after.seq !== null
    );
  } finally {
    await holder.end();
  }
}
