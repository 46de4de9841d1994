/** An RFC 9457 problem+json answer of the API, as the console shows it (api.md "Errors"). */
export interface ProblemItem {
  field?: string;
  guard?: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: ProblemItem[] = [],
  ) {
    super(`${status} ${code}: ${detail}`);
    this.name = 'ApiProblem';
  }

  /** From a failed response and its parsed body (problem+json, or anything else a proxy may answer). */
  static from(response: Response, body: unknown): ApiProblem {
    const problem = (typeof body === 'object' && body !== null ? body : {}) as Partial<{
      code: string;
      title: string;
      detail: string;
      errors: unknown;
    }>;
    const errors = Array.isArray(problem.errors)
      ? problem.errors.filter(
          (item): item is ProblemItem =>
            typeof item === 'object' && item !== null && typeof (item as ProblemItem).message === 'string',
        )
      : [];
    return new ApiProblem(
      response.status,
      typeof problem.code === 'string' ? problem.code : `HTTP.${response.status}`,
      typeof problem.title === 'string' ? problem.title : response.statusText,
      typeof problem.detail === 'string' ? problem.detail : typeof body === 'string' ? body : '',
      errors,
    );
  }

  /** A network failure (no answer at all). */
  static network(error: unknown): ApiProblem {
    return new ApiProblem(
      0,
      'NETWORK',
      'Network error',
      error instanceof Error ? error.message : String(error),
    );
  }

  get isVersionConflict(): boolean {
    return this.code === 'APPLICATION.VERSION_CONFLICT';
  }

  /**
   * The problem's messages for one form field (`sponsor.equityPct`), for inline errors. A list item is found
   * both as the API named it and in dotted form (`tranches.0.amountUsd`): the request validation names list
   * items with dots and the domain with brackets (`tranches[0].amountUsd`).
   */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const item of this.errors) {
      if (!item.field) continue;
      for (const key of [item.field, dotted(item.field)]) byField[key] ??= item.message;
    }
    return byField;
  }
}

const dotted = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/** The field messages of a command's error (none when it failed otherwise, or did not fail). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return error instanceof ApiProblem ? error.fieldErrors() : {};
}

/** The first message about `prefix` or anything under it (`tranches.0.conditionIds` covers `….conditionIds.1`). */
export function fieldErrorUnder(errors: Record<string, string>, prefix: string): string | undefined {
  const key = Object.keys(errors).find((field) => field === prefix || field.startsWith(`${prefix}.`));
  return key === undefined ? undefined : errors[key];
}

export function isProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}
