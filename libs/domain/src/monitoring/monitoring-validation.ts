import type { FieldProblem } from '../application/ownership-tree.js';
import { isOneOf } from '../canonical/one-of.js';
import { DomainError } from '../errors/domain-error.js';
import { hasRole, type Actor } from '../pipeline/roles.js';
import { isForeignSponsor } from '../pipeline/read-access.js';

/** api.md: money is positive integer US dollars, at most 10¹³. */
export const MAX_USD = 10_000_000_000_000;

export function checkUsd(value: unknown, field: string, problems: FieldProblem[], allowZero = false): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < (allowZero ? 0 : 1) ||
    value > MAX_USD
  ) {
    problems.push({
      field,
      message: `must be a ${allowZero ? 'non-negative' : 'positive'} integer number of US dollars ≤ 10^13`,
    });
    return 0;
  }
  return value;
}

export function checkInt(
  value: unknown,
  field: string,
  min: number,
  max: number,
  problems: FieldProblem[],
): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    problems.push({ field, message: `must be an integer from ${min} to ${max}` });
    return 0;
  }
  return value;
}

export function checkText(
  value: unknown,
  field: string,
  maxLength: number,
  problems: FieldProblem[],
): string {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ field, message: 'is required' });
    return '';
  }
  if (value.length > maxLength) problems.push({ field, message: `must be at most ${maxLength} characters` });
  return value;
}

export function checkOneOf<T extends string | number>(
  value: unknown,
  allowed: readonly T[],
  field: string,
  problems: FieldProblem[],
): T {
  if (isOneOf(allowed, value)) return value;
  problems.push({ field, message: `must be one of ${allowed.join(', ')}` });
  // A stand-in, like checkUsd's 0: the caller throws the problems before using it.
  return allowed[0];
}

/** `VALIDATION.FAILED` listing every problem. */
export function validationFailed(problems: readonly FieldProblem[], what: string): DomainError {
  return new DomainError(
    'VALIDATION.FAILED',
    `${what}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
    [...problems],
  );
}

/** Throws `VALIDATION.FAILED` listing every problem, when there is any. */
export function throwIfProblems(problems: readonly FieldProblem[], what: string): void {
  if (problems.length > 0) throw validationFailed(problems, what);
}

/** A sponsor of another organisation does not see the application at all (404, pipeline.md). */
export function requireVisible(actor: Actor, organizationId: string): void {
  if (isForeignSponsor(actor, organizationId))
    throw new DomainError('APPLICATION.NOT_FOUND', 'application not found');
}

export function requireRole(
  actor: Actor,
  roles: readonly ('sponsor' | 'officer' | 'system')[],
  what: string,
): void {
  if (!roles.some((r) => hasRole(actor, r))) {
    throw new DomainError('AUTH.FORBIDDEN', `${what} needs the ${roles.join(' or ')} role`);
  }
}

/** The role an actor acts in for a command open to `roles` (the first they hold). */
export function actingRole<R extends 'sponsor' | 'officer' | 'system'>(actor: Actor, roles: readonly R[]): R {
  const role = roles.find((r) => hasRole(actor, r));
  if (role === undefined) throw new DomainError('AUTH.FORBIDDEN', `needs the ${roles.join(' or ')} role`);
  return role;
}

export function guardFailed(guard: string, message: string, what: string): DomainError {
  return new DomainError('APPLICATION.GUARD_FAILED', `${what}: ${message}`, [{ guard, message }]);
}

export function wrongStage(stage: string, what: string): DomainError {
  return new DomainError('APPLICATION.INVALID_TRANSITION', `${what} (stage ${stage})`);
}
