import type { ApplicationInput, BeneficialOwner, OwnerType } from '../application/application-input.js';
import { DomainError, type DomainErrorDetail } from '../errors/domain-error.js';
import { normaliseName } from './name-normaliser.js';
import {
  DEFAULT_MATCH_THRESHOLD,
  matchName,
  type NameMatch,
  type SanctionsIndex,
} from './sanctions-index.js';

export type PartyResult = 'clear' | 'potential_match' | 'match';
export type ScreeningOutcome = 'clear' | 'review' | 'blocked';
export type Disposition = 'true_match' | 'false_positive';

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

/** One screened party: the shape of `screening.parties[]` in api.md, plus three extras. */
export interface ScreeningParty {
  name: string;
  /** Owner names from the applicant organisation down to this party (both included). */
  path: string[];
  /** Effective ownership of the applicant, percent with two decimals (truncated, see below). */
  effectivePct: number;
  /** What the matcher found; a `false_positive` disposition keeps it and shows the decision. */
  result: PartyResult;
  matchedName: string | null;
  similarity: number | null;
  disposition: Disposition | null;
  /** Extras: `organization` for the applicant itself; the matched list entry; why it is a hit. */
  type: OwnerType | 'organization';
  matchedEntNum: number | null;
  reason: NameMatch['reason'];
}

/** The `screening` shape of api.md. */
export interface ScreeningResult {
  result: ScreeningOutcome;
  /** Aggregate effective ownership of the applicant held by matched owners, two decimals. */
  blockedOwnershipPct: number;
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
/** 50.00% in hundredths of a percent. */
export const BLOCKING_OWNERSHIP_HUNDREDTHS = 5000;

const TEN_THOUSAND = 10000n;

/**
 * Effective ownership as an exact fraction of the applicant: `num / 10000^k` where each of the
 * `k` links contributed its percentage in integer hundredths (60% = 6000). No rounding happens
 * until a value is reported.
 */
export interface ExactShare {
  num: bigint;
  k: number;
}

/** Truncates an exact share to integer hundredths of a percent (55.00% = 5500). */
export function shareToHundredths(share: ExactShare): number {
  // hundredths = num * 10000 / 10000^k
  return share.k === 0
    ? Number(share.num * TEN_THOUSAND)
    : Number(share.num / TEN_THOUSAND ** BigInt(share.k - 1));
}

/** `a + b` exactly. */
export function addShares(a: ExactShare, b: ExactShare): ExactShare {
  const k = Math.max(a.k, b.k);
  return {
    num: a.num * TEN_THOUSAND ** BigInt(k - a.k) + b.num * TEN_THOUSAND ** BigInt(k - b.k),
    k,
  };
}

/** `share ≥ hundredths` exactly (no truncation). */
export function shareAtLeast(share: ExactShare, hundredths: number): boolean {
  // num / 10000^k ≥ h / 10000  ⇔  num * 10000 ≥ h * 10000^k
  return share.num * TEN_THOUSAND >= BigInt(hundredths) * TEN_THOUSAND ** BigInt(share.k);
}

const hundredthsToPct = (h: number): number => h / 100;

/** Percent with up to two decimals → integer hundredths, or null when it has more decimals. */
export function pctToHundredths(pct: number): number | null {
  const h = Math.round(pct * 100);
  return Math.abs(pct * 100 - h) < 1e-6 ? h : null;
}

/** A node of the flattened ownership tree (pre-order; the organisation first). */
export interface OwnershipNode {
  name: string;
  type: OwnerType | 'organization';
  path: string[];
  share: ExactShare;
  isPep: boolean;
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
    share: { num: 1n, k: 0 },
    isPep: false,
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
        share: { num: parent.share.num * BigInt(pctH), k: parent.share.k + 1 },
        isPep: owner.isPep === true,
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
 * sanctions index, and applies the OFAC 50% rule of checks.md:
 *
 * - a party **counts as matched** when its result is `match` or it is a `potential_match` with
 *   disposition `true_match`; a `false_positive` disposition clears it (for a `match` too: the
 *   same name can be another person);
 * - blocked ownership = sum of the exact effective shares of matched owners, a matched owner's
 *   descendants not counted again; effective shares multiply along the chain in exact integer
 *   arithmetic (BigInt fractions of hundredths) and are truncated to hundredths only when
 *   reported, so a reported 50.00 always means "at least 50.00% exactly";
 * - `blocked` when the organisation itself counts as matched, or the blocked ownership is ≥ 50%;
 *   else `review` when any party is an undecided potential match or counts as matched; else `clear`.
 *
 * `blockedOwnershipPct` is the owners' aggregate (the organisation's own match is not a
 * percentage of itself).
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
  const counted: boolean[] = [];
  let blocked: ExactShare = { num: 0n, k: 0 };
  let orgMatched = false;
  let undecided = false;
  let anyMatched = false;

  const parties = nodes.map((node, i): ScreeningParty => {
    const hit = matchName(args.index, node.name, {
      kind: node.type === 'person' ? 'individual' : 'entity',
      threshold,
    });
    const disposition =
      hit.result === 'clear' ? null : dispositionFor(dispositions, node.name, hit.matchedName);
    const matched =
      (hit.result === 'match' && disposition !== 'false_positive') ||
      (hit.result === 'potential_match' && disposition === 'true_match');
    if (hit.result === 'potential_match' && disposition === null) undecided = true;
    const ancestorCounted = node.parent >= 0 && counted[node.parent] === true;
    counted[i] = ancestorCounted || (matched && i > 0);
    if (matched) {
      anyMatched = true;
      if (i === 0) orgMatched = true;
      else if (!ancestorCounted) blocked = addShares(blocked, node.share);
    }
    return {
      name: node.name,
      path: node.path,
      effectivePct: hundredthsToPct(shareToHundredths(node.share)),
      result: hit.result,
      matchedName: hit.matchedName,
      similarity: hit.similarity,
      disposition,
      type: node.type,
      matchedEntNum: hit.matchedEntNum,
      reason: hit.reason,
    };
  });

  const isBlocked = orgMatched || shareAtLeast(blocked, BLOCKING_OWNERSHIP_HUNDREDTHS);
  return {
    result: isBlocked ? 'blocked' : undecided || anyMatched ? 'review' : 'clear',
    blockedOwnershipPct: hundredthsToPct(shareToHundredths(blocked)),
    listSha256: args.listSha256,
    parties,
  };
}
