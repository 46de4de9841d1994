import { type ApiClient, ApiError } from './api-client.js';

interface Officer {
  id: string;
  token: string;
  email: string;
}

export interface FourEyesDemoContext {
  api: ApiClient;
  /** Sample key, for the step lines (S10: its ESG.TAILINGS was waived through maker-checker). */
  key: string;
  applicationId: string;
  sponsorToken: string;
  /** The officer who proposed the waiver: the maker of the re-evaluation, who may not decide it. */
  maker: Officer;
  /** The officer who approved the waiver: may be one of the two deciding on the new facts. */
  checker: Officer;
  /** A third officer: the second approval the re-evaluation needs. */
  third: Officer;
  step: (key: string, line: string) => void;
}

const CODE = 'ESG.TAILINGS';

/**
 * Issue 13, item 4 in the demo (docs/checks.md, "Four eyes that one person cannot undo"): a check waived by two
 * officers is not overwritten by the re-evaluation an amendment causes. The sponsor answers an information
 * request with a redesigned tailings facility (upstream → dry stack); ESG.TAILINGS stays `waived` and a pending
 * `check.reevaluate` item proposes the recomputed outcome. Nobody passes the check alone meanwhile, the waiver's
 * maker cannot decide the item, and it applies only after two other officers approve it (the first endorses).
 */
export async function runFourEyesReevaluation(ctx: FourEyesDemoContext): Promise<void> {
  const { api, key, applicationId: id, step } = ctx;
  const view = () => api.call<any>('GET', `/api/v1/applications/${id}`, { token: ctx.maker.token });
  const tailings = async () => ((await view()).checks as any[]).find((check) => check.code === CODE);
  const name = (officer: Officer) => officer.email.split('+')[0];

  const waived = await tailings();
  if (waived?.outcome !== 'waived') throw new Error(`${key}: ${CODE} is ${waived?.outcome}, not waived`);
  step(
    key,
    `four eyes that one person cannot undo: ${CODE} stands waived (upstream dam; two officers agreed)`,
  );

  const asked = await api.call<any>('POST', `/api/v1/applications/${id}/information-requests`, {
    token: ctx.maker.token,
    body: { question: 'The conditions precedent ask for a tailings redesign: which design will you build?' },
  });
  const requests = (asked.informationRequests ?? (await view()).informationRequests) as any[];
  const request = requests.find((candidate) => candidate.status === 'open');
  await api.call('POST', `/api/v1/applications/${id}/information-requests/${request.id}/answer`, {
    token: ctx.sponsorToken,
    body: {
      answer: 'Redesigned as a filtered dry stack; the feasibility addendum is in the data room.',
      amendments: { environment: { tailings: 'dry_stack' } },
    },
  });
  const inbox = await api.call<{ items: any[] }>(
    'GET',
    `/api/v1/approvals?status=pending&applicationId=${id}`,
    { token: ctx.third.token },
  );
  const item = inbox.items.find((candidate) => candidate.action === 'check.reevaluate');
  if (!item) throw new Error(`${key}: the amendment opened no check.reevaluate item`);
  const kept = await tailings();
  step(
    key,
    `the sponsor amends the design (tailings upstream → dry_stack): ${CODE} stays ${kept.outcome}; a pending ` +
      `check.reevaluate proposes ${item.payload.proposedOutcome} (maker: ${item.makerId === ctx.maker.id ? name(ctx.maker) : item.makerId}, who proposed the waiver)`,
  );

  const alone = await api
    .call('POST', `/api/v1/applications/${id}/checks/${CODE}/resolve`, {
      token: ctx.third.token,
      body: { outcome: 'pass', note: 'dry stack: fine', expectedVersion: (await view()).version },
    })
    .then(() => undefined)
    .catch((error: unknown) => error);
  const refusedMaker = await api
    .call('POST', `/api/v1/approvals/${item.id}/approve`, {
      token: ctx.maker.token,
      body: { note: 'my own waiver' },
    })
    .then(() => undefined)
    .catch((error: unknown) => error);
  if (!(alone instanceof ApiError) || !(refusedMaker instanceof ApiError)) {
    throw new Error(`${key}: one officer changed a four-eyes outcome alone`);
  }
  const code = (error: ApiError) => `${error.status} ${String((error.body as any)?.code)}`;
  step(
    key,
    `one officer passing ${CODE} alone: ${code(alone)}; the waiver's maker approving the item: ${code(refusedMaker)}`,
  );

  const endorsed = await api.call<any>('POST', `/api/v1/approvals/${item.id}/approve`, {
    token: ctx.checker.token,
    body: { note: 'Dry stack reviewed: re-evaluate' },
  });
  const applied = await api.call<any>('POST', `/api/v1/approvals/${item.id}/approve`, {
    token: ctx.third.token,
    body: { note: 'Agreed: the waiver no longer fits the design' },
  });
  const after = await tailings();
  step(
    key,
    `${name(ctx.checker)} endorses (item still ${endorsed.status}), ${name(ctx.third)} applies it (${applied.status}): ` +
      `${CODE} ${kept.outcome} → ${after.outcome} (consequence class extreme: an officer reviews the new design)`,
  );
  if (after.outcome !== item.payload.proposedOutcome) {
    throw new Error(`${key}: the approved re-evaluation did not apply (${after.outcome})`);
  }
}
