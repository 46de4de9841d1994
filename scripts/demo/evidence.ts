import { MITIGANT_EVIDENCE_KINDS } from '../../libs/domain/src/index.js';
import { type ApiClient } from './api-client.js';

/**
 * Issue 13, item 7 in the demo (FORGE-RRS 1.1.0: credit only for evidenced mitigants). The sponsor uploads the
 * evidence of each mitigant of its structure, except these, as a fund sees them before signing: S01's offtake
 * is at tender stage, S02's GISTM conformance is self-declared, S06's first-loss agreement is not signed yet.
 * libs/domain/src/scoring/risk-assessment-1-1-0.golden.spec.ts pins the figures for the same list.
 */
export const DEMO_UNEVIDENCED: Readonly<Record<string, readonly string[]>> = {
  S01: ['offtake'],
  S02: ['gistm_conformance'],
  S06: ['first_loss'],
};

/** The sample whose last piece of evidence arrives after the first assessment, to show the re-assessment. */
export const LATE_EVIDENCE = { key: 'S03', mitigant: 'offtake' } as const;

interface Sample {
  key: string;
  financing?: { mitigants?: { type: string }[] };
}

type MitigantType = keyof typeof MITIGANT_EVIDENCE_KINDS;

/** The evidence document kinds the demo uploads for `sample` (before or after the first assessment). */
export function evidenceKinds(sample: Sample, when: 'before' | 'late'): string[] {
  const skipped = DEMO_UNEVIDENCED[sample.key] ?? [];
  const late = sample.key === LATE_EVIDENCE.key ? [LATE_EVIDENCE.mitigant as string] : [];
  const kinds = (sample.financing?.mitigants ?? [])
    .map((m) => m.type)
    .filter((type) => !skipped.includes(type))
    .filter((type) => (when === 'late' ? late.includes(type) : !late.includes(type)))
    .map((type) => MITIGANT_EVIDENCE_KINDS[type as MitigantType]);
  return [...new Set(kinds)];
}

/** Uploads one small PDF per kind, as the sponsor. */
export async function uploadEvidence(
  api: ApiClient,
  token: string,
  applicationId: string,
  key: string,
  kinds: readonly string[],
): Promise<void> {
  for (const kind of kinds) {
    const form = new FormData();
    form.append('kind', kind);
    const pdf = `%PDF-1.4\n% ${kind} for ${key}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), `${kind}.pdf`);
    await api.call('POST', `/api/v1/applications/${applicationId}/documents`, { token, body: form });
  }
}

/** "offtake (offtake_agreement)" for each mitigant of the latest assessment that earned nothing for want of evidence. */
export function unevidencedOf(assessment: {
  factors?: { credits?: { mitigant: string; reason: string; evidenceKind?: string }[] }[];
}): string[] {
  const names = new Set<string>();
  for (const factor of assessment.factors ?? []) {
    for (const credit of factor.credits ?? []) {
      if (credit.reason === 'not evidenced')
        names.add(`${credit.mitigant} (no ${credit.evidenceKind ?? '?'})`);
    }
  }
  return [...names];
}
