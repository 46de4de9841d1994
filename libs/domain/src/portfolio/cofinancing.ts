/**
 * Types of portfolio.md "Co-financing and mobilisation" (kept apart so the portfolio facts and
 * the mobilisation arithmetic can both use them).
 */
import type { Instrument } from '../application/application-input.js';

/**
 * portfolio.md "Co-financing and mobilisation". An organisation is a project `sponsor`, a
 * `cofinancier` (a partner DFI, export-credit agency, commercial bank or fund), or the `fund`
 * itself. A cofinancier is `public` or `private`; the others have no sector.
 */
export const ORGANIZATION_KINDS = ['sponsor', 'cofinancier', 'fund'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const COFINANCIER_SECTORS = ['public', 'private'] as const;
export type CofinancierSector = (typeof COFINANCIER_SECTORS)[number];

export interface OrganizationFact {
  id: string;
  name: string;
  kind: OrganizationKind;
  /** `public` or `private` for a cofinancier; `null` otherwise. */
  sector: CofinancierSector | null;
}

export const COFINANCING_STATUSES = ['indicated', 'committed', 'signed'] as const;
export type CofinancingStatus = (typeof COFINANCING_STATUSES)[number];

/** A co-financing line of the financing structure. */
export interface CofinancingLine {
  organizationId: string;
  instrument: Instrument;
  /** Integer US dollars, > 0. */
  amountUsd: number;
  status: CofinancingStatus;
}

/** Statuses that count as mobilised: the cofinancier has committed (or signed). */
export const MOBILISED_STATUSES: readonly CofinancingStatus[] = ['committed', 'signed'];
