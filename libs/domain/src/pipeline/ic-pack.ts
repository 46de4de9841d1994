import type { ApplicationInput, EsCategory, FinancingStructure } from '../application/application-input.js';
import { canonicalHash } from '../canonical/canonical-json.js';

/** A JSON value (what canonical hashing accepts). */
export type PipelineJson =
  null | boolean | number | string | PipelineJson[] | { [key: string]: PipelineJson };

/** The parts of the application that are put to the investment committee. */
export interface IcPackParts {
  applicationId: string;
  reference: string;
  organizationId: string;
  /** The version the officer read when moving the application into committee. */
  version: number;
  input: ApplicationInput;
  category: EsCategory;
  financing: FinancingStructure;
  /** The risk assessment put to the committee. */
  assessmentId: string;
  /** Check rows, screening result and conditions precedent as shown in the application view. */
  checks: readonly PipelineJson[];
  screening: PipelineJson;
  conditionsPrecedent: readonly { id: string; text: string }[];
  /** Hashes of the reference-data snapshots in force (countries, minerals, sanctions list). */
  referenceSnapshots?: Readonly<Record<string, string>>;
}

export const IC_PACK_SCHEMA = 'forge.ic-pack/1';

/**
 * The IC pack that entering `committee` freezes: a plain, JSON-only object with a schema tag.
 * Checks are ordered by code and conditions by id so that the hash does not depend on the order
 * rows came out of the database.
 */
export function icPackSnapshot(parts: IcPackParts): PipelineJson {
  const checks = [...parts.checks].sort((a, b) => compareByKey(a, b, 'code'));
  const conditions = [...parts.conditionsPrecedent]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => ({ id: c.id, text: c.text }));
  return JSON.parse(
    JSON.stringify({
      schema: IC_PACK_SCHEMA,
      application: {
        id: parts.applicationId,
        reference: parts.reference,
        organizationId: parts.organizationId,
        version: parts.version,
      },
      input: parts.input,
      category: parts.category,
      financing: parts.financing,
      assessmentId: parts.assessmentId,
      checks,
      screening: parts.screening,
      conditionsPrecedent: conditions,
      referenceSnapshots: parts.referenceSnapshots ?? {},
    }),
  ) as PipelineJson;
}

/** SHA-256 (lower-case hex) of the RFC 8785 canonical JSON of an IC pack snapshot. */
export function icPackHash(snapshot: PipelineJson): string {
  return canonicalHash(snapshot);
}

function compareByKey(a: PipelineJson, b: PipelineJson, key: string): number {
  const ka = keyOf(a, key);
  const kb = keyOf(b, key);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function keyOf(value: PipelineJson, key: string): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const v = value[key];
    return typeof v === 'string' ? v : '';
  }
  return '';
}
