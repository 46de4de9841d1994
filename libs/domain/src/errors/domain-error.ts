/** One entry of a coded error: a field problem or an unmet guard. */
export interface DomainErrorDetail {
  field?: string;
  guard?: string;
  message: string;
}

/**
 * The domain's only error type. `code` is stable (api.md) and the HTTP layer maps it to a
 * status; `details` lists field problems or unmet guards.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: DomainErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
