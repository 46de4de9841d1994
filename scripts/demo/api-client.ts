/** A minimal HTTP client for the demo: JSON in and out, bearer tokens, problem+json surfaced as errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    const problem = body as { code?: string; detail?: string; errors?: unknown } | undefined;
    super(
      `${what} → ${status} ${problem?.code ?? ''} ${problem?.detail ?? ''}${
        problem?.errors ? ` ${JSON.stringify(problem.errors)}` : ''
      }`,
    );
  }
}

export interface Session {
  email: string;
  password: string;
  token: string;
  id: string;
  displayName: string;
}

export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async call<T = any>(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string>; expect?: number[] } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | undefined;
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // plain text (exports)
    }
    const expected = options.expect ?? [200, 201, 202];
    if (!expected.includes(response.status)) throw new ApiError(response.status, parsed, `${method} ${path}`);
    return parsed as T;
  }

  async login(email: string, password: string): Promise<string> {
    const answer = await this.call<{ accessToken: string }>('POST', '/api/v1/auth/token', {
      body: { email, password },
    });
    return answer.accessToken;
  }

  /** Polls until `check` returns a value (bounded: the demo never hangs). */
  async waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let delay = 50;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 500);
    }
  }
}
