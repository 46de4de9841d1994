import { generate } from 'otplib';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';

/**
 * Issue 19, second factor: TOTP enrolment (secret, otpauth URI, first code, ten recovery codes stored as Argon2id
 * hashes), verification at sign-in (never the same code twice), recovery codes (single use), the admin's reset, and
 * the rule that staff signing in with a password must have one (AUTH_STAFF_MFA=required, the production default)
 * once the enrolment grace period is over (AUTH_STAFF_MFA_GRACE_HOURS, 72 by default, counted from the account's
 * creation: the tests move `users.created_at` back rather than wait).
 */
describe('second factor (TOTP)', () => {
  let t: TestApp;
  let admin: TestUser;
  let otherAdmin: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_STAFF_MFA: 'required' } });
    admin = await t.createUser(['admin']);
    otherAdmin = await t.createUser(['admin']);
  });
  afterAll(async () => {
    await t.close();
  });

  function events(userId: string, action: string) {
    return t.db.dataSource.query(
      `SELECT action, actor_id, reason, before, after, context FROM audit_events
        WHERE subject_type = 'user' AND subject_id = $1 AND action = $2 ORDER BY seq`,
      [userId, action],
    );
  }

  function session(user: Pick<TestUser, 'email' | 'password'>, code?: string) {
    return t.request('POST', '/api/v1/auth/session', {
      body: { email: user.email, password: user.password, ...(code === undefined ? {} : { code }) },
    });
  }

  /** The account as if it had been created `hours` ago (its grace period counts from then). */
  async function age(user: Pick<TestUser, 'id'>, hours: number): Promise<Date> {
    await t.db.dataSource.query(
      `UPDATE users SET created_at = now() - make_interval(hours => $2) WHERE id = $1`,
      [user.id, hours],
    );
    const rows: Array<{ created_at: Date }> = await t.db.dataSource.query(
      `SELECT created_at FROM users WHERE id = $1`,
      [user.id],
    );
    return rows[0]!.created_at;
  }

  function cookieOf(response: { headers: Record<string, unknown> }): string | undefined {
    return ([] as string[])
      .concat((response.headers['set-cookie'] as string[] | undefined) ?? [])
      .find((line) => line.startsWith('forge_session='))
      ?.split(';')[0];
  }

  it('within its grace period a staff member without a second factor signs in, told by when to enrol', async () => {
    const officer = await t.createUser(['officer']);
    const createdAt = await age(officer, 71);
    const dueAt = new Date(createdAt.getTime() + 72 * 3_600_000).toISOString();
    const token = await t.request('POST', '/api/v1/auth/token', {
      body: { email: officer.email, password: officer.password },
    });
    // api.md's answer, plus the notice (documented in the OpenAPI document the response is checked against).
    expect(token.status).toBe(200);
    expect(token.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: expect.any(Number),
      secondFactor: { status: 'enrolment_due', dueAt },
    });
    expect((await t.request('GET', '/api/v1/me', { token: token.body.accessToken })).body.id).toBe(
      officer.id,
    );
    const signedIn = await session(officer);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.secondFactor).toEqual({ status: 'enrolment_due', dueAt });
    expect(cookieOf(signedIn)).toBeDefined();
    const method: Array<{ method: string }> = await t.db.dataSource.query(
      `SELECT method FROM user_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [officer.id],
    );
    expect(method).toEqual([{ method: 'password' }]);

    // Sponsors and enrolled staff get no notice.
    const sponsor = await t.createUser(['sponsor']);
    const sponsorToken = await t.request('POST', '/api/v1/auth/token', {
      body: { email: sponsor.email, password: sponsor.password },
    });
    expect(sponsorToken.status).toBe(200);
    expect(sponsorToken.body).not.toHaveProperty('secondFactor');
    await t.enrolTotp(officer);
    const enrolled = await session(officer, await t.authenticator.nextCode(officer.email));
    expect(enrolled.status).toBe(200);
    expect(enrolled.body).not.toHaveProperty('secondFactor');
  });

  it('past its grace period a staff member without a second factor cannot sign in: enrolment is required first', async () => {
    const officer = await t.createUser(['officer']);
    await age(officer, 72);
    for (const path of ['/api/v1/auth/session', '/api/v1/auth/token']) {
      const response = await t.request('POST', path, {
        body: { email: officer.email, password: officer.password },
      });
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('AUTH.TOTP_ENROLMENT_REQUIRED');
      // The answer says what to do next (docs/identity.md: a departure from api.md's plain 200 for staff).
      expect(response.body.detail).toContain('POST /api/v1/auth/totp/enrolment');
      expect(response.body.errors).toEqual([{ field: 'code', message: expect.any(String) }]);
      expect(cookieOf(response)).toBeUndefined();
    }
    // A wrong password still answers as a wrong password (nothing about the second factor leaks).
    const wrong = await session({ email: officer.email, password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH.INVALID_CREDENTIALS');
  });

  it('enrols: secret and otpauth URI, a first code confirms, ten recovery codes shown once and stored hashed', async () => {
    const auditor = await t.createUser(['auditor']);
    const credentials = { email: auditor.email, password: auditor.password };
    const badPassword = await t.request('POST', '/api/v1/auth/totp/enrolment', {
      body: { email: auditor.email, password: 'not the password at all' },
    });
    expect(badPassword.status).toBe(401);
    expect(badPassword.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    const early = await t.request('POST', '/api/v1/auth/totp/enrolment/confirm', {
      body: { ...credentials, code: '123456' },
    });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('AUTH.TOTP_NOT_PENDING');

    const started = await t.request('POST', '/api/v1/auth/totp/enrolment', { body: credentials });
    expect(started.status).toBe(201);
    const { secret, otpauthUri } = started.body as { secret: string; otpauthUri: string };
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe(`/FORGE Pipeline:${auditor.email}`);
    expect(uri.searchParams.get('secret')).toBe(secret);

    const code = await generate({ secret });
    const wrongCode = await t.request('POST', '/api/v1/auth/totp/enrolment/confirm', {
      body: { ...credentials, code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body.code).toBe('AUTH.TOTP_INVALID');
    const malformed = await t.request('POST', '/api/v1/auth/totp/enrolment/confirm', {
      body: { ...credentials, code: 'abc' },
    });
    expect(malformed.status).toBe(400);

    const confirmed = await t.request('POST', '/api/v1/auth/totp/enrolment/confirm', {
      body: { ...credentials, code },
    });
    expect(confirmed.status).toBe(200);
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const recovery of recoveryCodes) expect(recovery).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);

    const stored: Array<{ code_hash: string }> = await t.db.dataSource.query(
      `SELECT code_hash FROM user_recovery_codes WHERE user_id = $1`,
      [auditor.id],
    );
    expect(stored).toHaveLength(10);
    for (const row of stored) {
      expect(row.code_hash).toMatch(/^\$argon2id\$/);
      for (const recovery of recoveryCodes) expect(row.code_hash).not.toContain(recovery.replace('-', ''));
    }
    const again = await t.request('POST', '/api/v1/auth/totp/enrolment', { body: credentials });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AUTH.TOTP_ALREADY_ENROLLED');

    const startedEvents = await events(auditor.id, 'user.totp_enrolment_started');
    const enrolledEvents = await events(auditor.id, 'user.totp_enrolled');
    expect(startedEvents).toHaveLength(1);
    expect(enrolledEvents).toEqual([
      expect.objectContaining({
        actor_id: auditor.id,
        after: { totpEnrolled: true, recoveryCodes: 10 },
      }),
    ]);
    const everything = JSON.stringify([...startedEvents, ...enrolledEvents]);
    expect(everything).not.toContain(secret);
    for (const recovery of recoveryCodes) expect(everything).not.toContain(recovery);
  });

  it('signs in with a code (never the same one twice, even within the grace period) and, once, with each recovery code', async () => {
    // Just created, so within its grace period: an enrolled account needs its code all the same.
    const committee = await t.createUser(['committee']);
    const recoveryCodes = await t.enrolTotp(committee);

    const missing = await session(committee);
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('AUTH.TOTP_REQUIRED');
    expect(missing.body.errors).toEqual([{ field: 'code', message: expect.stringMatching(/recovery code/) }]);
    expect(cookieOf(missing)).toBeUndefined();

    const wrong = await session(committee, '000000');
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH.TOTP_INVALID');
    expect(await events(committee.id, 'auth.failed_login')).toEqual([
      expect.objectContaining({ context: expect.objectContaining({ reason: 'wrong_second_factor' }) }),
    ]);

    const code = await t.authenticator.nextCode(committee.email);
    const signedIn = await session(committee, code);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ id: committee.id, roles: ['committee'] });
    const cookie = cookieOf(signedIn)!;
    expect((await t.request('GET', '/api/v1/me', { headers: { cookie } })).status).toBe(200);
    const method: Array<{ method: string }> = await t.db.dataSource.query(
      `SELECT method FROM user_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [committee.id],
    );
    expect(method).toEqual([{ method: 'password+totp' }]);

    const replay = await session(committee, code);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH.TOTP_INVALID');

    const recovered = await session(committee, recoveryCodes[3]!.toUpperCase());
    expect(recovered.status).toBe(200);
    expect(await events(committee.id, 'user.recovery_code_used')).toEqual([
      expect.objectContaining({ actor_id: committee.id, after: { recoveryCodesLeft: 9 } }),
    ]);
    const spent = await session(committee, recoveryCodes[3]!);
    expect(spent.status).toBe(401);
    expect(spent.body.code).toBe('AUTH.TOTP_INVALID');
  });

  it('API clients send the code with the password to POST /auth/token', async () => {
    // (The server accepts each 30-second step once; the helper has three steps at most per account, so each
    // test uses two codes per account.)
    const officer = await t.createUser(['officer']);
    await t.enrolTotp(officer);
    const body = { email: officer.email, password: officer.password };
    const missing = await t.request('POST', '/api/v1/auth/token', { body });
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('AUTH.TOTP_REQUIRED');
    const token = await t.request('POST', '/api/v1/auth/token', {
      body: { ...body, code: await t.authenticator.nextCode(officer.email) },
    });
    expect(token.status).toBe(200);
    expect(token.body.tokenType).toBe('Bearer');
    expect((await t.request('GET', '/api/v1/me', { token: token.body.accessToken })).body.id).toBe(
      officer.id,
    );
  });

  it('sponsors sign in with a password alone; without a provider configured there is no single sign-on', async () => {
    const sponsor = await t.createUser(['sponsor']);
    expect((await session(sponsor)).status).toBe(200);
    expect((await t.request('GET', '/api/v1/auth/providers')).body).toEqual({ oidc: false });
    const start = await t.request('GET', '/api/v1/auth/oidc/start');
    expect(start.status).toBe(404);
    expect(start.body.code).toBe('AUTH.OIDC_NOT_CONFIGURED');
  });

  it("an admin resets a lost second factor: the user's sessions end and they enrol again", async () => {
    const officer = await t.createUser(['officer']);
    const signedIn = await t.signIn(officer);
    expect((await t.request('GET', '/api/v1/me', { headers: signedIn.headers })).status).toBe(200);
    // The admin view says who has a second factor (admins only; never the secret).
    const view = async () =>
      (await t.request('GET', `/api/v1/admin/users/${officer.id}`, { token: admin.token })).body;
    expect(await view()).toMatchObject({ id: officer.id, totpEnrolled: true });
    const listed = (await t.request('GET', '/api/v1/admin/users', { token: admin.token })).body as Array<{
      id: string;
      totpEnrolled: boolean;
    }>;
    expect(listed.find((user) => user.id === officer.id)?.totpEnrolled).toBe(true);
    expect(listed.find((user) => user.id === admin.id)?.totpEnrolled).toBe(false);
    expect(JSON.stringify(listed)).not.toMatch(/secret|otpauth/i);

    const self = await t.request('POST', `/api/v1/admin/users/${admin.id}/totp/reset`, {
      token: admin.token,
      body: { reason: 'my own' },
    });
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('AUTH.SELF_ADMINISTRATION');

    const reset = await t.request('POST', `/api/v1/admin/users/${officer.id}/totp/reset`, {
      token: otherAdmin.token,
      body: { reason: 'lost phone, identity checked by video call' },
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({
      id: officer.id,
      roles: ['officer'],
      disabled: false,
      totpEnrolled: false,
    });
    expect((await t.request('GET', '/api/v1/me', { headers: signedIn.headers })).status).toBe(401);
    expect(await events(officer.id, 'user.totp_reset')).toEqual([
      expect.objectContaining({
        actor_id: otherAdmin.id,
        reason: 'lost phone, identity checked by video call',
        before: { totpEnrolled: true },
        after: { totpEnrolled: false },
      }),
    ]);
    const rows: unknown[] = await t.db.dataSource.query(
      `SELECT 1 FROM user_recovery_codes WHERE user_id = $1 UNION ALL SELECT 1 FROM user_totp WHERE user_id = $1`,
      [officer.id],
    );
    expect(rows).toEqual([]);

    // The grace period counts from the account's creation, not from the reset: within it the password suffices
    // again (with the notice); past it the officer must enrol first.
    const again = await session(officer);
    expect(again.status).toBe(200);
    expect(again.body.secondFactor).toMatchObject({ status: 'enrolment_due' });
    await age(officer, 100);
    const past = await session(officer);
    expect(past.status).toBe(401);
    expect(past.body.code).toBe('AUTH.TOTP_ENROLMENT_REQUIRED');
    const twice = await t.request('POST', `/api/v1/admin/users/${officer.id}/totp/reset`, {
      token: otherAdmin.token,
      body: { reason: 'again' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('AUTH.TOTP_NOT_ENROLLED');
    const unknown = await t.request(
      'POST',
      '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/totp/reset',
      { token: otherAdmin.token, body: { reason: 'nobody' } },
    );
    expect(unknown.status).toBe(404);

    // Enrolled again (the test helper does what the console does), the officer signs in.
    await t.enrolTotp(officer);
    const back = await t.signIn(officer);
    expect((await t.request('GET', '/api/v1/me', { headers: back.headers })).status).toBe(200);
  });
});

describe('second factor without a grace period (AUTH_STAFF_MFA_GRACE_HOURS=0)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_STAFF_MFA: 'required', AUTH_STAFF_MFA_GRACE_HOURS: '0' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('a new staff account must enrol before its first password sign-in; a sponsor signs in as api.md says', async () => {
    const auditor = await t.createUser(['auditor']);
    const body = { email: auditor.email, password: auditor.password };
    const refused = await t.request('POST', '/api/v1/auth/token', { body });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('AUTH.TOTP_ENROLMENT_REQUIRED');
    await t.enrolTotp(auditor);
    const token = await t.request('POST', '/api/v1/auth/token', {
      body: { ...body, code: await t.authenticator.nextCode(auditor.email) },
    });
    expect(token.status).toBe(200);
    expect(token.body).not.toHaveProperty('secondFactor');
    const sponsor = await t.createUser(['sponsor']);
    const plain = await t.request('POST', '/api/v1/auth/token', {
      body: { email: sponsor.email, password: sponsor.password },
    });
    expect(plain.status).toBe(200);
    expect(Object.keys(plain.body).sort()).toEqual(['accessToken', 'expiresIn', 'tokenType']);
  });
});
