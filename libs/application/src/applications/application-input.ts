import { DomainError, isRecord, validateOwnershipTree, type FieldProblem } from '@forge/domain';

/**
 * RFC 7396 JSON merge patch: objects merge key by key, `null` removes a key, arrays and scalars replace.
 * Used for PATCH of a draft and for the amendments of an information-request answer.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** Removes `null` values (a create has nothing to remove). */
export function withoutNulls(value: unknown): unknown {
  return mergePatch({}, value);
}

const OWNER_KEYS = new Set(['name', 'type', 'country', 'ownershipPct', 'isPep', 'stateOwned', 'owners']);

/**
 * Unknown fields inside the ownership tree (the DTO does not descend into it: the tree is validated
 * iteratively so that a hostile, deep tree cannot exhaust the stack). Stops after 1,000 nodes: the node limit
 * is reported by `validateOwnershipTree`.
 */
function unknownOwnerFields(owners: unknown, basePath: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: Array<{ nodes: unknown; path: string }> = [{ nodes: owners, path: basePath }];
  let seen = 0;
  while (stack.length > 0 && seen < 1000) {
    const { nodes, path } = stack.pop() as { nodes: unknown; path: string };
    if (!Array.isArray(nodes)) continue;
    nodes.forEach((node, index) => {
      seen += 1;
      if (!isRecord(node)) return;
      for (const key of Object.keys(node)) {
        if (!OWNER_KEYS.has(key)) {
          problems.push({ field: `${path}[${index}].${key}`, message: `unknown field ${key} (not allowed)` });
        }
      }
      if (node.owners !== undefined) stack.push({ nodes: node.owners, path: `${path}[${index}].owners` });
    });
  }
  return problems;
}

/**
 * The beneficial-ownership tree of a (partial) input, when present: shape, limits (depth ≤ 6, ≤ 200 nodes,
 * siblings ≤ 100%) and unknown fields → 400 `VALIDATION.FAILED` with field paths.
 */
export function assertOwnershipTreeValid(input: unknown): void {
  const governance = isRecord(input) ? input.governance : undefined;
  if (
    !isRecord(governance) ||
    governance.beneficialOwners === undefined ||
    governance.beneficialOwners === null
  ) {
    return;
  }
  const path = 'governance.beneficialOwners';
  const problems = [
    ...unknownOwnerFields(governance.beneficialOwners, path),
    ...validateOwnershipTree(governance.beneficialOwners, path),
  ];
  if (problems.length > 0) {
    throw new DomainError('VALIDATION.FAILED', 'The ownership tree is not valid', problems.slice(0, 100));
  }
}
