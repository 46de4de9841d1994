import { isRecord } from '../canonical/json.js';
import { isOneOf } from '../canonical/one-of.js';
import { OWNER_TYPES, type BeneficialOwner } from './application-input.js';

/** A problem with one field of the input, named by its dotted path (api.md `errors`). */
export interface FieldProblem {
  field: string;
  message: string;
}

/** api.md: the beneficial-ownership tree is at most 6 levels deep (top-level owners are level 1). */
export const OWNERSHIP_TREE_MAX_DEPTH = 6;
/** api.md: at most 200 owners in the whole tree. */
export const OWNERSHIP_TREE_MAX_NODES = 200;
/** 100% in integer hundredths of a percent. */
export const FULL_OWNERSHIP_HUNDREDTHS = 10_000;

const DECIMAL = /^(\d+)(?:\.(\d{1,2}))?$/;
const COUNTRY = /^[A-Z]{2}$/;

/**
 * The exact integer hundredths of a percentage given with at most two decimals (`33.33` → 3333),
 * or `null` when the value is not a finite non-negative number with at most two decimals.
 * Works on the shortest decimal form of the number (`String(x)`), so there is no float drift:
 * `0.1 + 0.2` (`0.30000000000000004`) is rejected instead of being rounded.
 */
export function exactHundredths(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const match = DECIMAL.exec(String(Object.is(value, -0) ? 0 : value));
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return whole * 100 + Number(fraction);
}

/**
 * Sum of the top-level owners' `ownershipPct`, in integer hundredths (60% + 40% → 10000).
 * A value that is not a valid two-decimal percentage counts as its rounded hundredths.
 */
export function declaredTopLevelPct(owners: readonly BeneficialOwner[]): number {
  let total = 0;
  for (const owner of owners) {
    const exact = exactHundredths(owner?.ownershipPct);
    if (exact !== null) total += exact;
    else if (typeof owner?.ownershipPct === 'number' && Number.isFinite(owner.ownershipPct)) {
      total += Math.round(owner.ownershipPct * 100);
    }
  }
  return total;
}

interface Pending {
  owners: readonly unknown[];
  path: string;
  depth: number;
}

/**
 * Validates the nested `beneficialOwners` tree (api.md): depth ≤ 6, ≤ 200 nodes, each node with a
 * non-empty name, a `type` of `person` or `entity`, an upper-case ISO alpha-2 country, a boolean
 * `isPep`, an optional boolean `stateOwned` (entities only: a government or an entity it owns)
 * and an `ownershipPct` in 0–100 with at most two decimals; the `ownershipPct` of
 * siblings sums to at most 100 (compared in integer hundredths). Returns every problem, in
 * document order, with dotted paths such as `governance.beneficialOwners[0].owners[1].ownershipPct`.
 * Iterative, so a hostile, very deep tree cannot overflow the stack; nodes below the depth limit
 * are counted but not validated individually.
 */
export function validateOwnershipTree(
  owners: unknown,
  basePath = 'governance.beneficialOwners',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Array.isArray(owners)) return [{ field: basePath, message: 'must be a list of owners' }];
  let nodes = 0;
  const stack: Pending[] = [{ owners, path: basePath, depth: 1 }];
  while (stack.length > 0) {
    const level = stack.pop() as Pending;
    nodes += level.owners.length;
    if (level.depth > OWNERSHIP_TREE_MAX_DEPTH) {
      problems.push({
        field: level.path,
        message: `ownership tree deeper than ${OWNERSHIP_TREE_MAX_DEPTH} levels`,
      });
      // Count the rest of this branch without validating it.
      const rest: unknown[] = [...level.owners];
      while (rest.length > 0) {
        const node = rest.pop();
        if (isRecord(node) && Array.isArray(node.owners)) {
          const owners: unknown[] = node.owners;
          nodes += owners.length;
          rest.push(...owners);
        }
      }
      continue;
    }
    let siblingsTotal = 0;
    const children: Pending[] = [];
    level.owners.forEach((node, index) => {
      const at = `${level.path}[${index}]`;
      if (!isRecord(node)) {
        problems.push({ field: at, message: 'must be an owner object' });
        return;
      }
      if (typeof node.name !== 'string' || node.name.trim() === '') {
        problems.push({ field: `${at}.name`, message: 'must be a non-empty name' });
      }
      if (!isOneOf(OWNER_TYPES, node.type)) {
        problems.push({ field: `${at}.type`, message: `must be one of ${OWNER_TYPES.join(', ')}` });
      }
      if (typeof node.country !== 'string' || !COUNTRY.test(node.country)) {
        problems.push({ field: `${at}.country`, message: 'must be an upper-case ISO 3166-1 alpha-2 code' });
      }
      if (typeof node.isPep !== 'boolean') {
        problems.push({ field: `${at}.isPep`, message: 'must be true or false' });
      }
      if (node.stateOwned !== undefined && typeof node.stateOwned !== 'boolean') {
        problems.push({ field: `${at}.stateOwned`, message: 'must be true or false when given' });
      }
      if (node.stateOwned === true && node.type === 'person') {
        problems.push({ field: `${at}.stateOwned`, message: 'only an entity can be state-owned' });
      }
      const pct = exactHundredths(node.ownershipPct);
      if (pct === null || pct > FULL_OWNERSHIP_HUNDREDTHS) {
        problems.push({
          field: `${at}.ownershipPct`,
          message: 'must be a number from 0 to 100 with at most two decimals',
        });
      } else {
        siblingsTotal += pct;
      }
      if (node.owners !== undefined) {
        if (!Array.isArray(node.owners)) {
          problems.push({ field: `${at}.owners`, message: 'must be a list of owners' });
        } else if (node.owners.length > 0) {
          const owners: unknown[] = node.owners;
          children.push({ owners, path: `${at}.owners`, depth: level.depth + 1 });
        }
      }
    });
    if (siblingsTotal > FULL_OWNERSHIP_HUNDREDTHS) {
      problems.push({
        field: level.path,
        message: `owners at this level sum to ${formatHundredths(siblingsTotal)}%, more than 100%`,
      });
    }
    // Depth-first, first child first.
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as Pending);
  }
  if (nodes > OWNERSHIP_TREE_MAX_NODES) {
    problems.unshift({
      field: basePath,
      message: `ownership tree has ${nodes} owners, more than ${OWNERSHIP_TREE_MAX_NODES}`,
    });
  }
  return problems;
}

function formatHundredths(value: number): string {
  const whole = Math.trunc(value / 100);
  const fraction = String(value % 100).padStart(2, '0');
  return `${whole}.${fraction}`;
}
