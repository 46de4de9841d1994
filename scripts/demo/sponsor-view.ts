import { SPONSOR_FORBIDDEN_KEYS } from '../../libs/domain/src/index.js';
import { type ApiClient } from './api-client.js';

const say = (line = '') => process.stdout.write(`${line}\n`);

export interface SponsorViewDemoContext {
  api: ApiClient;
  maker: { token: string };
  financed: { id: string; reference: string; sponsorToken: string }[];
}

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      into.add(key);
      keysOf(v, into);
    }
  }
  return into;
}

/**
 * Issue 13, item 2 in the demo (pipeline.md "What a sponsor sees"): the same financed project read by its
 * officer and by its sponsor. The sponsor is served its own view (no screening, checks, risk, votes,
 * maker-checker items or officers' ids) and is refused the trail and the risk assessments.
 */
export async function runSponsorViewDemo(context: SponsorViewDemoContext): Promise<void> {
  const project = context.financed[0];
  if (!project) return;
  const { api } = context;
  say(`What a sponsor sees (docs/pipeline.md): ${project.reference}`);
  const staff = await api.call<any>('GET', `/api/v1/applications/${project.id}`, {
    token: context.maker.token,
  });
  const sponsor = await api.call<any>('GET', `/api/v1/applications/${project.id}`, {
    token: project.sponsorToken,
  });
  const forbidden = new Set(SPONSOR_FORBIDDEN_KEYS);
  const staffOnly = [...keysOf(staff)].filter((key) => forbidden.has(key));
  const leaked = [...keysOf(sponsor)].filter((key) => forbidden.has(key));
  say(`  officer: audience ${staff.audience}; deliberation fields present: ${staffOnly.join(', ')}`);
  say(
    `  sponsor: audience ${sponsor.audience}; forbidden fields: ${leaked.length === 0 ? 'none' : leaked.join(', ')}; ` +
      `committee decision ${sponsor.committeeDecision}; contact ${sponsor.contactOfficer?.displayName ?? 'none'}; ` +
      `timeline ${sponsor.timeline.map((e: { kind: string }) => e.kind).join(' → ')}`,
  );
  for (const path of ['audit-trail', 'risk-assessments']) {
    const refused = await api.call<any>('GET', `/api/v1/applications/${project.id}/${path}`, {
      token: project.sponsorToken,
      expect: [403],
    });
    say(`  sponsor GET /applications/:id/${path} → 403 ${refused.code}`);
  }
  if (leaked.length > 0) throw new Error(`the sponsor view leaked: ${leaked.join(', ')}`);
  say('');
}
