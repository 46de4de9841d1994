import type { FieldProblem } from '../application/ownership-tree.js';
import { checkUsd } from './monitoring-validation.js';

/**
 * monitoring.md "Disbursements": the financing structure's tranches, summing to the FORGE
 * amount. A tranche's conditions are conditions precedent or ESAP items (by id).
 */
export interface Tranche {
  id: string;
  amountUsd: number;
  conditionIds: string[];
}

/** The id of the single tranche of a structure recorded without tranches. */
export const DEFAULT_TRANCHE_ID = 'T1';
export const MAX_TRANCHES = 50;
const TRANCHE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

/**
 * Field problems of a tranche list (empty when valid): at most 50 tranches; ids 1–40 letters,
 * digits, `_` or `-`, unique; amounts positive integers summing exactly to the FORGE amount;
 * condition ids unique per tranche and known (conditions precedent or ESAP items).
 */
export function validateTranches(
  tranches: unknown,
  forgeAmountUsd: number,
  knownConditionIds: readonly string[],
  field = 'tranches',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!Array.isArray(tranches)) return [{ field, message: 'must be a list' }];
  if (tranches.length === 0) return problems;
  if (tranches.length > MAX_TRANCHES)
    return [{ field, message: `must have at most ${MAX_TRANCHES} tranches` }];
  const ids = new Set<string>();
  let total = 0;
  tranches.forEach((raw: unknown, i) => {
    const at = `${field}[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push({ field: at, message: 'must be an object' });
      return;
    }
    const tranche = raw as Record<string, unknown>;
    if (typeof tranche.id !== 'string' || !TRANCHE_ID.test(tranche.id)) {
      problems.push({ field: `${at}.id`, message: 'must be 1–40 letters, digits, _ or -' });
    } else if (ids.has(tranche.id)) {
      problems.push({ field: `${at}.id`, message: `duplicates tranche ${tranche.id}` });
    } else {
      ids.add(tranche.id);
    }
    total += checkUsd(tranche.amountUsd, `${at}.amountUsd`, problems);
    if (!Array.isArray(tranche.conditionIds)) {
      problems.push({ field: `${at}.conditionIds`, message: 'must be a list of condition ids' });
      return;
    }
    const seen = new Set<string>();
    tranche.conditionIds.forEach((id: unknown, j) => {
      if (typeof id !== 'string' || !knownConditionIds.includes(id)) {
        problems.push({
          field: `${at}.conditionIds[${j}]`,
          message: 'must be the id of a condition precedent or an ESAP item',
        });
      } else if (seen.has(id)) {
        problems.push({ field: `${at}.conditionIds[${j}]`, message: `lists ${id} twice` });
      } else {
        seen.add(id);
      }
    });
  });
  if (problems.length === 0 && total !== forgeAmountUsd) {
    problems.push({
      field,
      message: `tranches sum to US$${total}, not the FORGE amount US$${forgeAmountUsd}`,
    });
  }
  return problems;
}

/**
 * The tranches that apply: the recorded ones, or (none recorded) the whole FORGE amount as one
 * tranche whose conditions are the conditions precedent.
 */
export function effectiveTranches(
  tranches: readonly Tranche[] | null | undefined,
  forgeAmountUsd: number,
  conditionPrecedentIds: readonly string[],
): Tranche[] {
  if (tranches && tranches.length > 0)
    return tranches.map((t) => ({ ...t, conditionIds: [...t.conditionIds] }));
  return [{ id: DEFAULT_TRANCHE_ID, amountUsd: forgeAmountUsd, conditionIds: [...conditionPrecedentIds] }];
}
