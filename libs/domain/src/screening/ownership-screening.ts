import type { ApplicationInput, BeneficialOwner, OwnerType } from '../application/application-input.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';
import { normaliseName } from './name-normaliser.js';
import {
  addShares,
  hundredthsToPct,
  pctToHundredths,
  scaleShare,
  shareAtLeast,
  shareToHundredths,
  WHOLE_SHARE,
  type ExactShare,
} from './exact-share.js';
import { applyFiftyPercentRule, lookThroughHundredths } from './fifty-percent-rule.js';
import {
  DEFAULT_MATCH_THRESHOLD,
  matchName,
  type NameMatch,
  type SanctionsIndex,
} from './sanctions-index.js';

/**
 * Per party (api.md): what the matcher found (`clear`, `potential_match`, `match`), or
 * `blocked_by_ownership` for an entity (or the applicant) that is not listed itself but is
 * 50%-or-more owned by blocked parties (the matcher's hit, if any, stays in `matchedName`).
 */
export type PartyResult = 'clear' | 'potential_match' | 'match' | 'blocked_by_ownership';
export type ScreeningOutcome = 'clear' | 'review' | 'blocked';
/** An officer's disposition of a screening hit. */
export const DISPOSITIONS = ['true_match', 'false_positive'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** An officer's decision on a hit (approved through maker-checker for `false_positive`). */
export interface ScreeningDisposition {
  partyName: string;
  disposition: Disposition;
  /**
   * Optional: the list name the decision was about. When given, the disposition applies only
   * while the party's best hit is still that name, so a later list that adds a different
   * (real) hit for the same party is not cleared by an old `false_positive`.
   */
  matchedName?: string | null;
}

/** One screened party: the shape of `screening.parties[]` in api.md, plus four extras. */
export interface ScreeningParty {
  name: string;
  /** Owner names from the applicant organisation down to this party (both included). */
  path: string[];
  /** Effective (multiplied) ownership of the applicant, percent with two decimals (truncated). */
  effectivePct: number;
  /** What the matcher found; a `false_positive` disposition keeps it and shows the decision. */
  result: PartyResult;
  matchedName: string | null;
  similarity: number | null;
  disposition: Disposition | null;
  /** Extras: `organization` for the applicant itself; the matched list entry; why it is a hit; the blocked stake. */
  type: OwnerType | 'organization';
  matchedEntNum: number | null;
  reason: NameMatch['reason'];
  /** Sum of the stakes held directly in this party by blocked parties, percent (two decimals). */
  blockedStakePct: number;
}

/** The `screening` shape of api.md. */
export interface ScreeningResult {
  result: ScreeningOutcome;
  /** Sum of the applicant's direct stakes held by blocked parties (OFAC 50% rule), two decimals. */
  blockedOwnershipPct: number;
  /** The multiplied look-through share of the applicant held by listed parties, for information. */
  lookThroughPct: number;
  listSha256: string;
  parties: ScreeningParty[];
}

export interface ScreenApplicationArgs {
  organizationName: string;
  input: Pick<ApplicationInput, 'governance'>;
  index: SanctionsIndex;
  listSha256: string;
  dispositions?: readonly ScreeningDisposition[];
  /** `SANCTIONS_MATCH_THRESHOLD`, default 0.90. */
  threshold?: number;
}

export const MAX_OWNERSHIP_DEPTH = 6;
export const MAX_OWNERSHIP_NODES = 200;
export type { ExactShare };
export { addShares, pctToHundredths, shareAtLeast, shareToHundredths };

/** A node of the flattened ownership tree (pre-order; the organisation first). */
export interface OwnershipNode {
  name: string;
  type: OwnerType | 'organization';
  path: string[];
  /** The stake held directly in the parent, integer hundredths (the applicant: 10000). */
  pctHundredths: number;
  share: ExactShare;
  isPep: boolean;
  /** `stateOwned` as declared (the applicant: false). */
  stateOwned: boolean;
  /** ISO country as declared (the applicant: ''). */
  country: string;
  /** Index in the flattened list of the nearest owner above (the organisation is -1). */
  parent: number;
  depth: number;
  /** Declared owners (entities only). */
  hasOwners: boolean;
  /** Sum of the declared owners' percentages, hundredths. */
  ownersSumHundredths: number;
  /** Field path in the input, for error messages. */
  field: string;
}

/** Identity of a name for cycle detection: normalised, legal suffix ignored. */
function identityKey(name: string): string {
  const norm = normaliseName(name, 'entity');
  return norm.key !== '' && !norm.nonLatin ? norm.key : name.normalize('NFKC').trim().toUpperCase();
}

/**
 * Validates and flattens the beneficial-ownership tree. Throws `APPLICATION.INVALID_OWNERSHIP`
 * listing every problem: a missing name, a percentage outside 0–100 or with more than two
 * decimals, siblings summing over 100%, a person with owners, a cycle (a name appearing in its
 * own ancestor path, the applicant included), more than 6 levels or 200 owners.
 */
export function flattenOwnership(
  organizationName: string,
  owners: readonly BeneficialOwner[],
): OwnershipNode[] {
  const problems: DomainErrorDetail[] = [];
  const nodes: OwnershipNode[] = [];
  const root: OwnershipNode = {
    name: organizationName,
    type: 'organization',
    path: [organizationName],
    pctHundredths: 10000,
    share: WHOLE_SHARE,
    isPep: false,
    stateOwned: false,
    country: '',
    parent: -1,
    depth: 0,
    hasOwners: owners.length > 0,
    ownersSumHundredths: 0,
    field: 'organization',
  };
  nodes.push(root);
  let count = 0;

  const visit = (
    list: readonly BeneficialOwner[],
    parentIdx: number,
    ancestors: string[],
    field: string,
  ): number => {
    const parent = nodes[parentIdx]!;
    let sum = 0;
    list.forEach((owner, i) => {
      const at = `${field}[${i}]`;
      count++;
      const name = typeof owner.name === 'string' ? owner.name.trim() : '';
      if (name === '') problems.push({ field: `${at}.name`, message: `${at}: an owner needs a name` });
      const h =
        typeof owner.ownershipPct === 'number' && Number.isFinite(owner.ownershipPct)
          ? pctToHundredths(owner.ownershipPct)
          : null;
      if (h === null || h < 0 || h > 10000) {
        problems.push({
          field: `${at}.ownershipPct`,
          message: `${at}: ownershipPct must be 0–100 with at most two decimals (got ${String(owner.ownershipPct)})`,
        });
      }
      const pctH = h !== null && h >= 0 && h <= 10000 ? h : 0;
      sum += pctH;
      const key = identityKey(name);
      if (name !== '' && ancestors.includes(key)) {
        problems.push({
          field: `${at}.name`,
          message: `${at}: ownership cycle: "${name}" appears in its own ancestor path (${[...parent.path, name].join(' → ')})`,
        });
        return; // do not descend into a cycle
      }
      const depth = parent.depth + 1;
      if (depth > MAX_OWNERSHIP_DEPTH) {
        problems.push({
          field: at,
          message: `${at}: the ownership tree is deeper than ${MAX_OWNERSHIP_DEPTH} levels`,
        });
        return;
      }
      const children = owner.owners ?? [];
      if (owner.type === 'person' && children.length > 0) {
        problems.push({ field: `${at}.owners`, message: `${at}: a person cannot have owners` });
      }
      const idx = nodes.length;
      nodes.push({
        name,
        type: owner.type,
        path: [...parent.path, name],
        pctHundredths: pctH,
        share: scaleShare(parent.share, pctH),
        isPep: owner.isPep === true,
        stateOwned: owner.stateOwned === true,
        country: typeof owner.country === 'string' ? owner.country : '',
        parent: parentIdx,
        depth,
        hasOwners: children.length > 0,
        ownersSumHundredths: 0,
        field: at,
      });
      if (children.length > 0) {
        nodes[idx]!.ownersSumHundredths = visit(children, idx, [...ancestors, key], `${at}.owners`);
      }
    });
    if (sum > 10000) {
      problems.push({
        field,
        message: `${field}: owners of "${parent.name}" add up to ${hundredthsToPct(sum).toFixed(2)}%, more than 100%`,
      });
    }
    return sum;
  };
  root.ownersSumHundredths = visit(owners, 0, [identityKey(organizationName)], 'governance.beneficialOwners');
  if (count > MAX_OWNERSHIP_NODES) {
    problems.push({
      field: 'governance.beneficialOwners',
      message: `the ownership tree has ${count} owners, more than ${MAX_OWNERSHIP_NODES}`,
    });
  }
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problems)` : '';
    throw new DomainError(
      'APPLICATION.INVALID_OWNERSHIP',
      `invalid ownership: ${problems[0]!.message}${more}`,
      problems,
    );
  }
  return nodes;
}

function dispositionFor(
  dispositions: readonly ScreeningDisposition[],
  name: string,
  matchedName: string | null,
): Disposition | null {
  const key = normaliseName(name, 'individual').key || name.trim().toUpperCase();
  let found: Disposition | null = null;
  for (const d of dispositions) {
    const dKey = normaliseName(d.partyName, 'individual').key || d.partyName.trim().toUpperCase();
    if (dKey !== key) continue;
    if (d.matchedName !== undefined && d.matchedName !== null && d.matchedName !== matchedName) continue;
    found = d.disposition; // the latest applicable decision wins
  }
  return found;
}

/**
 * Screens the applicant organisation and every beneficial owner at any depth against a
 * sanctions index, and applies the OFAC 50% rule of checks.md (`applyFiftyPercentRule`):
 *
 * - a party **counts as listed** when its result is `match` or it is a `potential_match` with
 *   disposition `true_match`; a `false_positive` disposition clears it (for a `match` too: the
 *   same name can be another person);
 * - bottom-up, an entity is blocked when it is listed or 50%-or-more owned **directly** by
 *   blocked parties, and then its whole stake counts one level up (no multiplication along the
 *   chain); such an entity that is not listed itself is reported `blocked_by_ownership`;
 * - `blocked` when the applicant is listed itself or blocked by its owners
 *   (`blockedOwnershipPct` ≥ 50, the sum of its direct stakes held by blocked parties); else
 *   `review` when any party is an undecided potential match, counts as listed, or is blocked by
 *   ownership without blocking the applicant; else `clear`.
 *
 * `lookThroughPct` reports the multiplied share of the applicant held by listed parties (truncated
 * to two decimals), for information; it decides nothing.
 */
export function screenApplication(args: ScreenApplicationArgs): ScreeningResult {
  const threshold = args.threshold ?? DEFAULT_MATCH_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new DomainError(
      'SANCTIONS.INVALID_THRESHOLD',
      `the match threshold must be in (0, 1], got ${threshold}`,
    );
  }
  const nodes = flattenOwnership(args.organizationName, args.input.governance.beneficialOwners);
  const dispositions = args.dispositions ?? [];

  const hits = nodes.map((node) => {
    const hit = matchName(args.index, node.name, {
      kind: node.type === 'person' ? 'individual' : 'entity',
      threshold,
    });
    const disposition =
      hit.result === 'clear' ? null : dispositionFor(dispositions, node.name, hit.matchedName);
    const listed =
      (hit.result === 'match' && disposition !== 'false_positive') ||
      (hit.result === 'potential_match' && disposition === 'true_match');
    return { hit, disposition, listed };
  });
  const rule = applyFiftyPercentRule(
    nodes.map((node, i) => ({
      parent: node.parent,
      pctHundredths: node.pctHundredths,
      listed: hits[i]!.listed,
      share: node.share,
    })),
  );

  let undecided = false;
  let anyBlockedParty = false;
  const parties = nodes.map((node, i): ScreeningParty => {
    const { hit, disposition, listed } = hits[i]!;
    const byOwnership = rule.blockedByOwnership[i] === true;
    const result: PartyResult = byOwnership ? 'blocked_by_ownership' : hit.result;
    if (result === 'potential_match' && disposition === null) undecided = true;
    if (i > 0 && (listed || byOwnership)) anyBlockedParty = true;
    return {
      name: node.name,
      path: node.path,
      effectivePct: hundredthsToPct(shareToHundredths(node.share)),
      result,
      matchedName: hit.matchedName,
      similarity: hit.similarity,
      disposition,
      type: node.type,
      matchedEntNum: hit.matchedEntNum,
      reason: hit.reason,
      blockedStakePct: hundredthsToPct(rule.blockedStakeHundredths[i] ?? 0),
    };
  });

  const isBlocked = rule.blocked[0] === true;
  return {
    result: isBlocked ? 'blocked' : undecided || anyBlockedParty ? 'review' : 'clear',
    blockedOwnershipPct: hundredthsToPct(rule.blockedOwnershipHundredths),
    lookThroughPct: hundredthsToPct(lookThroughHundredths(rule)),
    listSha256: args.listSha256,
    parties,
  };
}
