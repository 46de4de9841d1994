import type { FieldProblem } from '../application/ownership-tree.js';
import { isRecord } from '../canonical/json.js';
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
 * A tranche list read from a request: the tranches, typed and copied, and the field problems (when there is any,
 * the list is empty). At most 50 tranches; ids 1–40 letters, digits, `_` or `-`, unique; amounts positive integers
 * summing exactly to the FORGE amount; condition ids unique per tranche and known (conditions precedent or ESAP
 * items).
 */
export function parseTranches(
  raw: unknown,
  forgeAmountUsd: number,
  knownConditionIds: readonly string[],
  field = 'tranches',
): { tranches: Tranche[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const tranches: Tranche[] = [];
  if (!Array.isArray(raw)) return { tranches, problems: [{ field, message: 'must be a list' }] };
  if (raw.length === 0) return { tranches, problems };
  if (raw.length > MAX_TRANCHES)
    return { tranches, problems: [{ field, message: `must have at most ${MAX_TRANCHES} tranches` }] };
  const ids = new Set<string>();
  let total = 0;
  raw.forEach((item: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(item)) {
      problems.push({ field: at, message: 'must be an object' });
      return;
    }
    const tranche = item;
    const id = tranche.id;
    if (typeof id !== 'string' || !TRANCHE_ID.test(id)) {
      problems.push({ field: `${at}.id`, message: 'must be 1–40 letters, digits, _ or -' });
    } else if (ids.has(id)) {
      problems.push({ field: `${at}.id`, message: `duplicates tranche ${id}` });
    } else {
      ids.add(id);
    }
    const amountUsd = checkUsd(tranche.amountUsd, `${at}.amountUsd`, problems);
    total += amountUsd;
    if (!Array.isArray(tranche.conditionIds)) {
      problems.push({ field: `${at}.conditionIds`, message: 'must be a list of condition ids' });
      return;
    }
    const seen = new Set<string>();
    tranche.conditionIds.forEach((conditionId: unknown, j) => {
      if (typeof conditionId !== 'string' || !knownConditionIds.includes(conditionId)) {
        problems.push({
          field: `${at}.conditionIds[${j}]`,
          message: 'must be the id of a condition precedent or an ESAP item',
        });
      } else if (seen.has(conditionId)) {
        problems.push({ field: `${at}.conditionIds[${j}]`, message: `lists ${conditionId} twice` });
      } else {
        seen.add(conditionId);
      }
    });
    if (typeof id === 'string') tranches.push({ id, amountUsd, conditionIds: [...seen] });
  });
  if (problems.length === 0 && total !== forgeAmountUsd) {
    problems.push({
      field,
      message: `tranches sum to US$${total}, not the FORGE amount US$${forgeAmountUsd}`,
    });
  }
  return problems.length === 0 ? { tranches, problems } : { tranches: [], problems };
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
