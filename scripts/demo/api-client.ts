import { generate } from 'otplib';

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

/** What the demo's authenticator app holds for one account (scripts/demo/identity.ts prints it). */
export interface SecondFactor {
  secret: string;
  otpauthUri: string;
  recoveryCodes: string[];
  /** The last RFC 6238 time step a code was sent for (the server never accepts a step twice). */
  lastStep: number;
}

export class ApiClient {
  /** Staff accounts' TOTP secrets, by email: the demo plays the authenticator app (AUTH_STAFF_MFA=required). */
  readonly secondFactors = new Map<string, SecondFactor>();

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

  /**
   * Signs in for a bearer token. Staff need a second factor: a staff account that has none enrols an
   * authenticator app (the demo keeps the secret and computes the codes with otplib, as the app would) when the
   * sign-in says so: at once when the answer is 200 with `secondFactor: { status: "enrolment_due" }` (within the
   * account's grace period), or when it is 401 AUTH.TOTP_ENROLMENT_REQUIRED (past it).
   */
  async login(email: string, password: string): Promise<string> {
    const attempt = async () => {
      const factor = this.secondFactors.get(email);
      return this.call<{ accessToken?: string; code?: string; secondFactor?: { status: string } }>(
        'POST',
        '/api/v1/auth/token',
        {
          body: { email, password, ...(factor ? { code: await this.nextCode(factor) } : {}) },
          expect: [200, 401],
        },
      );
    };
    let answer = await attempt();
    if (answer.code === 'AUTH.TOTP_ENROLMENT_REQUIRED' || answer.secondFactor?.status === 'enrolment_due') {
      await this.enrolSecondFactor(email, password);
      answer = await attempt();
    }
    if (!answer.accessToken) throw new ApiError(401, answer, `sign-in of ${email}`);
    return answer.accessToken;
  }

  /** Enrols an authenticator app (POST /auth/totp/enrolment, then …/confirm with a first code). */
  async enrolSecondFactor(email: string, password: string): Promise<SecondFactor> {
    const started = await this.call<{ secret: string; otpauthUri: string }>(
      'POST',
      '/api/v1/auth/totp/enrolment',
      { body: { email, password } },
    );
    const factor: SecondFactor = { ...started, recoveryCodes: [], lastStep: 0 };
    const confirmed = await this.call<{ recoveryCodes: string[] }>(
      'POST',
      '/api/v1/auth/totp/enrolment/confirm',
      { body: { email, password, code: await this.nextCode(factor) } },
    );
    factor.recoveryCodes = confirmed.recoveryCodes;
    this.secondFactors.set(email, factor);
    return factor;
  }

  /**
   * The code of the next time step not used yet: the server accepts the previous, current and next 30-second
   * steps, each once. The demo uses the current step, then the next one (a code of the previous step could expire
   * before a slow request reaches the server: the demo once failed so on a loaded machine). It signs each account
   * in twice at most in a row; should it go faster, it waits for the clock (a real app user would too).
   */
  async nextCode(factor: SecondFactor): Promise<string> {
    for (;;) {
      const seconds = Math.floor(Date.now() / 1000);
      const current = Math.floor(seconds / 30);
      const step = Math.max(current, factor.lastStep + 1);
      if (step <= current + 1) {
        factor.lastStep = step;
        return generate({ secret: factor.secret, epoch: step * 30 });
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
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
