import type { ApplicationInput, EsCategory, FinancingStructure } from '../application/application-input.js';
import { canonicalHash } from '../canonical/canonical-json.js';
import { jsonObjectOrNull, type JsonValue } from '../canonical/json.js';

/** A JSON value (what canonical hashing accepts). */
export type PipelineJson = JsonValue;

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
  /** That assessment's record (scoring.md), as members read it. */
  assessment?: PipelineJson;
  /** The documents attached when the pack is frozen, each with its SHA-256 (pipeline.md). */
  documents?: readonly IcPackDocument[];
  /** Check rows, screening result and conditions precedent as shown in the application view. */
  checks: readonly PipelineJson[];
  screening: PipelineJson;
  conditionsPrecedent: readonly { id: string; text: string }[];
  /** Hashes of the reference-data snapshots in force (countries, minerals, sanctions list). */
  referenceSnapshots?: Readonly<Record<string, string>>;
}

/** A document as the IC pack lists it: what members read and how to check it is the same file. */
export interface IcPackDocument {
  id: string;
  kind: string;
  sha256: string;
  filename: string | null;
  size: number;
}

/** Version 2 carries the assessment record and the documents with their SHA-256 (pipeline.md). */
export const IC_PACK_SCHEMA = 'forge.ic-pack/2';

/**
 * The IC pack that entering `committee` freezes: a plain, JSON-only object with a schema tag.
 * Checks are ordered by code, conditions and documents by id, so that the hash does not depend on
 * the order rows came out of the database. The caller stores this snapshot as it is: the pack
 * members read (`GET /applications/:id/committee/pack`) is the one whose hash was recorded, and a
 * document added later is not in it.
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
      assessment: parts.assessment ?? null,
      documents: [...(parts.documents ?? [])]
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((d) => ({ id: d.id, kind: d.kind, sha256: d.sha256, filename: d.filename, size: d.size })),
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
  const v = jsonObjectOrNull(value)?.[key];
  return typeof v === 'string' ? v : '';
}
