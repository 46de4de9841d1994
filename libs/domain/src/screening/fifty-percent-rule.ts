import { addShares, shareToHundredths, ZERO_SHARE, type ExactShare } from './exact-share.js';

/** 50.00% in hundredths of a percent: the OFAC threshold. */
export const BLOCKING_OWNERSHIP_HUNDREDTHS = 5000;

/**
 * One node of an ownership tree as the 50% rule sees it. Node 0 is the applicant; the others
 * come in pre-order, so a node's `parent` index is always smaller than its own.
 */
export interface FiftyPercentNode {
  /** Index of the direct owner's node above (the applicant: -1). */
  parent: number;
  /** The stake this node holds **directly** in its parent, integer hundredths of a percent. */
  pctHundredths: number;
  /** Counts as a listed (blocked) person: a match, or a potential match confirmed as a true match. */
  listed: boolean;
  /** The node's effective (multiplied) share of the applicant, for `lookThroughPct` only. */
  share: ExactShare;
}

export interface FiftyPercentResult {
  /** Per node: blocked (listed itself, or 50%-or-more owned directly by blocked parties). */
  blocked: boolean[];
  /** Per node: blocked only because of who owns it (not listed itself). */
  blockedByOwnership: boolean[];
  /**
   * Per node: the sum of the stakes held in it directly by blocked parties, integer hundredths.
   * Exact: a sum of two-decimal percentages, never a product.
   */
  blockedStakeHundredths: number[];
  /** The applicant's entry of `blockedStakeHundredths`: checks.md's `blockedOwnershipPct` × 100. */
  blockedOwnershipHundredths: number;
  /**
   * The multiplied look-through share of the applicant held by listed parties (a listed party
   * below another listed party is not counted again), exact. For information only: it never
   * decides anything.
   */
  lookThrough: ExactShare;
}

/**
 * The OFAC 50% rule, as OFAC's 2014 revised guidance on entities owned by blocked persons and
 * its FAQs 398–402 apply it (checks.md "OFAC 50% rule"), bottom-up through the ownership tree:
 *
 * - an entity is **blocked** when it is itself listed, or when the stakes held in it
 *   **directly** by blocked parties add up to 50% or more (stakes of different blocked parties
 *   are aggregated: two at 25% each block);
 * - a blocked entity's **whole** stake counts one level up; percentages are never multiplied
 *   along the chain (a listed person with 50% of A, A with 50% of the applicant: A is blocked and
 *   its 50% counts in full, so the applicant is blocked);
 * - an entity owned less than 50% by blocked parties is not blocked, and its own stakes do not
 *   carry anything upwards (a listed person with 40% of A, A with 100% of the applicant: nothing
 *   counts at the applicant).
 *
 * Pure and exact: every sum is of integer hundredths.
 */
export function applyFiftyPercentRule(nodes: readonly FiftyPercentNode[]): FiftyPercentResult {
  const n = nodes.length;
  const blocked = new Array<boolean>(n).fill(false);
  const blockedByOwnership = new Array<boolean>(n).fill(false);
  const stake = new Array<number>(n).fill(0);
  // Pre-order means every child comes after its parent: walking backwards sees all of a node's
  // owners (its children here) before the node itself.
  for (let i = n - 1; i >= 0; i -= 1) {
    const node = nodes[i]!;
    const ownedOut = stake[i]! >= BLOCKING_OWNERSHIP_HUNDREDTHS;
    blocked[i] = node.listed || ownedOut;
    blockedByOwnership[i] = !node.listed && ownedOut;
    if (blocked[i] && node.parent >= 0) stake[node.parent] = stake[node.parent]! + node.pctHundredths;
  }

  // Look-through: listed parties' multiplied shares, a listed party's listed owners not again.
  let lookThrough: ExactShare = ZERO_SHARE;
  const underListed = new Array<boolean>(n).fill(false);
  for (let i = 1; i < n; i += 1) {
    const node = nodes[i]!;
    const ancestorListed =
      node.parent > 0 && (underListed[node.parent] === true || nodes[node.parent]!.listed);
    underListed[i] = ancestorListed;
    if (node.listed && !ancestorListed) lookThrough = addShares(lookThrough, node.share);
  }

  return {
    blocked,
    blockedByOwnership,
    blockedStakeHundredths: stake,
    blockedOwnershipHundredths: n > 0 ? stake[0]! : 0,
    lookThrough,
  };
}

/** `lookThrough` truncated to hundredths of a percent (what `lookThroughPct` reports × 100). */
export function lookThroughHundredths(result: FiftyPercentResult): number {
  return shareToHundredths(result.lookThrough);
}
