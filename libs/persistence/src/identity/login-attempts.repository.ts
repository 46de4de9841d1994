import { type EntityManager } from 'typeorm';

export interface LoginWindow {
  /** Failed attempts in the last `windowSeconds`. */
  failures: number;
  /** Seconds until the oldest counted failure leaves the window (≥ 1 when failures > 0). */
  retryAfterSeconds: number;
}

/** The login_attempts table: what the login rate limit counts (in PostgreSQL, so shared by every replica). */
export const loginAttemptsRepository = {
  async record(
    manager: EntityManager,
    attempt: { email: string; ip: string; succeeded: boolean },
  ): Promise<void> {
    await manager.query(`INSERT INTO login_attempts (email, ip, succeeded) VALUES (lower($1), $2, $3)`, [
      attempt.email,
      attempt.ip,
      attempt.succeeded,
    ]);
  },

  /** Failed attempts over the last window for this account (case-insensitive email) and for this IP. */
  async recentFailures(
    manager: EntityManager,
    email: string,
    ip: string,
    windowSeconds = 60,
  ): Promise<{ account: LoginWindow; ip: LoginWindow }> {
    const rows: Array<{ scope: string; failures: string; retry_after: string | null }> = await manager.query(
      `SELECT 'account' AS scope, count(*) AS failures,
              ceil(extract(epoch FROM (min(at) + make_interval(secs => $3) - now()))) AS retry_after
         FROM login_attempts WHERE lower(email) = lower($1) AND NOT succeeded AND at > now() - make_interval(secs => $3)
       UNION ALL
       SELECT 'ip', count(*),
              ceil(extract(epoch FROM (min(at) + make_interval(secs => $3) - now())))
         FROM login_attempts WHERE ip = $2 AND NOT succeeded AND at > now() - make_interval(secs => $3)`,
      [email, ip, windowSeconds],
    );
    const window = (scope: string): LoginWindow => {
      const row = rows.find((candidate) => candidate.scope === scope);
      const failures = Number(row?.failures ?? 0);
      return { failures, retryAfterSeconds: failures > 0 ? Math.max(1, Number(row?.retry_after ?? 1)) : 0 };
    };
    return { account: window('account'), ip: window('ip') };
  },

  /** True when this account signed in successfully from this address in the last `days` days (a familiar address). */
  async succeededFrom(manager: EntityManager, email: string, ip: string, days = 90): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM login_attempts
        WHERE lower(email) = lower($1) AND ip = $2 AND succeeded AND at > now() - make_interval(days => $3)
        LIMIT 1`,
      [email, ip, days],
    );
    return rows.length > 0;
  },
};
