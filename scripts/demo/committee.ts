import { canonicalHash } from '@forge/domain';
import { type ApiClient, ApiError } from './api-client.js';

export interface CommitteeDemoContext {
  api: ApiClient;
  /** Sample key, for the step lines. */
  key: string;
  applicationId: string;
  officerToken: string;
  /** Every committee member of the demo (the round lists them all: the mover is an officer without the role). */
  members: Array<{ id: string; token: string }>;
  /** Show the whole round in words (the first application put to the committee); later ones just vote. */
  explain: boolean;
  step: (key: string, line: string) => void;
}

/**
 * Issue 13.3 in the demo (docs/pipeline.md "Committee"): the round lists its members, an officer may not open an
 * information request while it is open, members read the frozen IC pack (hash equal to the one recorded), vote
 * blind (others' votes show as "voted" until close), one recuses, an approving vote proposes a condition, and the
 * round closes when every eligible member has voted: the approval carries the condition into the conditions
 * precedent.
 */
export async function runCommitteeRound(ctx: CommitteeDemoContext): Promise<void> {
  const { api, key, applicationId: id, step } = ctx;
  const view = (token: string) => api.call<any>('GET', `/api/v1/applications/${id}`, { token });
  const opened = (await view(ctx.officerToken)).committee;
  const byId = new Map(ctx.members.map((member) => [member.id, member]));
  const eligible = (opened.eligibleMemberIds as string[]).map((memberId) => byId.get(memberId)!);
  const vote = (member: { token: string }, body: Record<string, unknown>) =>
    api.call<any>('POST', `/api/v1/applications/${id}/committee/votes`, { token: member.token, body });

  if (!ctx.explain) {
    for (const member of eligible) {
      await vote(member, { decision: 'approve', rationale: 'Risk reduced to an acceptable residual band' });
    }
  } else {
    step(
      key,
      `committee round ${opened.round}: ${eligible.length} eligible members, deadline ${opened.deadline}`,
    );
    try {
      await api.call('POST', `/api/v1/applications/${id}/information-requests`, {
        token: ctx.officerToken,
        body: { question: 'Please send the updated water balance.' },
      });
      throw new Error('an information request was accepted while the committee round is open');
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409) throw error;
      step(
        key,
        `an officer's information request during the round is refused: 409 ${String((error.body as any)?.code)}`,
      );
    }
    const [recusing, first, ...rest] = eligible;
    const pack = await api.call<any>('GET', `/api/v1/applications/${id}/committee/pack`, {
      token: first!.token,
    });
    // The body is the frozen snapshot itself: its RFC 8785 hash is the one recorded on entering committee.
    const packHash = canonicalHash(pack);
    step(
      key,
      `IC pack of round ${opened.round} frozen at ${opened.openedAt}: ${pack.documents.length} document(s), ` +
        `hash ${packHash.slice(0, 12)}… ${packHash === opened.icPackHash ? '= the recorded hash' : '≠ THE RECORDED HASH'}`,
    );
    await vote(recusing!, { conflictOfInterest: true, rationale: 'Former director of the offtaker' });
    step(key, 'committee: one member declares a conflict of interest and is recused');
    await vote(first!, {
      decision: 'approve',
      rationale: 'Acceptable with a price hedge',
      conditions: ['Hedge at least 50% of the lithium price exposure for the first three years'],
    });
    const seen = (await view(rest[0]!.token)).committee.votes as Array<Record<string, unknown>>;
    const blind = seen.find((entry) => entry.userId === first!.id);
    step(
      key,
      `blind until close: another member sees ${JSON.stringify({ status: blind?.status, decision: blind?.decision ?? '(hidden)' })}; ` +
        `${seen.length} of ${eligible.length} entered`,
    );
    for (const member of rest) {
      await vote(member, { decision: 'approve', rationale: 'Risk reduced to an acceptable residual band' });
    }
  }
  const decided = await view(ctx.officerToken);
  const committee = decided.committee;
  step(
    key,
    `committee decision: ${committee.decision ?? decided.stage} (round closed: ${committee.closeReason}; ` +
      `${committee.votes.filter((v: any) => v.decision === 'approve').length} approve, ` +
      `${committee.votes.filter((v: any) => v.status === 'recused').length} recused)`,
  );
  if (ctx.explain) {
    const added = (decided.conditionsPrecedent as Array<{ text: string }>).at(-1)?.text;
    step(key, `the approving vote's condition joins the conditions precedent: "${added}"`);
  }
  if (decided.stage !== 'approved')
    throw new Error(`${key} was not approved by the committee (stage ${decided.stage})`);
}
