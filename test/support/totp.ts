import { generate } from 'otplib';

/**
 * An authenticator app for tests: remembers each account's TOTP secret and hands out codes the server accepts.
 * The server accepts a code of the previous, current or next 30-second step, each step once per account, and only
 * steps later than the last one it accepted; so the codes go forward from the previous step (when the clock is not
 * about to leave it) and at most three sign-ins of one account fit in a step (the helper says so rather than wait).
 */
export class TestAuthenticator {
  private readonly secrets = new Map<string, string>();
  private readonly lastSteps = new Map<string, number>();

  remember(email: string, secret: string): void {
    this.secrets.set(email.toLowerCase(), secret);
    this.lastSteps.delete(email.toLowerCase());
  }

  secretOf(email: string): string | undefined {
    return this.secrets.get(email.toLowerCase());
  }

  /** The next code for this account (a step later than the last code this helper gave for it). */
  async nextCode(email: string, now = Date.now()): Promise<string> {
    const key = email.toLowerCase();
    const secret = this.secrets.get(key);
    if (!secret) throw new Error(`no TOTP secret known for ${email}: enrol first`);
    const seconds = Math.floor(now / 1000);
    const current = Math.floor(seconds / 30);
    const earliest = seconds % 30 > 2 ? current - 1 : current;
    const step = Math.max(earliest, (this.lastSteps.get(key) ?? -Infinity) + 1);
    if (step > current + 1) {
      throw new Error(
        `more than three TOTP sign-ins of ${email} within 30 s: the server would refuse a replay`,
      );
    }
    this.lastSteps.set(key, step);
    return generate({ secret, epoch: step * 30 });
  }
}
