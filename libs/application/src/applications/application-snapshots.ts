import { type ApplicationAggregate, type CheckRecord } from '@forge/persistence';

/**
 * A check as the application view shows it and as the IC pack freezes it (the IC pack hash covers exactly
 * these fields, so the view and the pack cannot disagree).
 */
export function checkSnapshot(check: CheckRecord) {
  return {
    id: check.id,
    code: check.code,
    stage: check.stage,
    outcome: check.outcome,
    automated: check.automated,
    detail: check.detail ?? null,
    note: check.note,
    resolvedBy: check.resolvedBy,
  };
}

/** The stored screening with each party's recorded disposition, as the view shows it and the IC pack freezes it. */
export function screeningSnapshot(aggregate: ApplicationAggregate) {
  const screening = aggregate.application.screening;
  if (!screening) return null;
  const byName = new Map(aggregate.dispositions.map((d) => [d.partyName, d]));
  return {
    ...screening,
    parties: screening.parties.map((party) => ({
      ...party,
      disposition: byName.get(party.name)?.disposition ?? party.disposition ?? null,
    })),
    dispositions: aggregate.dispositions.map((d) => ({
      partyName: d.partyName,
      disposition: d.disposition,
      note: d.note,
      decidedBy: d.decidedBy,
      decidedAt: d.createdAt.toISOString(),
    })),
  };
}
