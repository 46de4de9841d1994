import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';

describe('admin: organisations and users', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.createUser(['admin']);
  });
  afterAll(async () => {
    await t.close();
  });

  function organizationBody(overrides: Record<string, unknown> = {}) {
    return {
      name: 'Lithium Andes S.A.',
      country: 'AR',
      registrationNumber: `REG-${randomUUID()}`,
      ...overrides,
    };
  }

  async function auditEvents(action: string, subjectId: string) {
    return t.db.dataSource.query(
      `SELECT actor_id, actor_role, subject_type, after FROM audit_events WHERE action = $1 AND subject_id = $2`,
      [action, subjectId],
    );
  }

  it('creates an organisation (201) with one organization.created audit event', async () => {
    const body = organizationBody();
    const response = await t.request('POST', '/api/v1/admin/organizations', { token: admin.token, body });
    expect(response.status).toBe(201);
    // A sponsor organisation unless `kind` says otherwise (portfolio.md, co-financing); `sector` only for co-financiers.
    expect(response.body).toEqual({
      id: expect.any(String),
      ...body,
      kind: 'sponsor',
      sector: null,
      createdAt: expect.any(String),
    });
    expect(await auditEvents('organization.created', response.body.id)).toEqual([
      {
        actor_id: admin.id,
        actor_role: 'admin',
        subject_type: 'organization',
        after: {
          name: body.name,
          country: 'AR',
          registrationNumber: body.registrationNumber,
          kind: 'sponsor',
          sector: null,
        },
      },
    ]);
    const list = await t.request('GET', '/api/v1/admin/organizations', { token: admin.token });
    expect(list.status).toBe(200);
    expect(list.body).toEqual(expect.arrayContaining([response.body]));
  });

  it('answers 409 CONFLICT for the same country and registration number', async () => {
    const body = organizationBody();
    expect(
      (await t.request('POST', '/api/v1/admin/organizations', { token: admin.token, body })).status,
    ).toBe(201);
    const again = await t.request('POST', '/api/v1/admin/organizations', {
      token: admin.token,
      body: { ...body, name: 'Another name' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CONFLICT');
  });

  it.each([
    ['a lower-case country', { country: 'ar' }, 'country'],
    ['a missing name', { name: undefined }, 'name'],
    ['an id (mass assignment)', { id: randomUUID() }, 'id'],
    ['a stage (mass assignment)', { stage: 'approved' }, 'stage'],
    ['a version (mass assignment)', { version: 7 }, 'version'],
    ['an organizationId (mass assignment)', { organizationId: randomUUID() }, 'organizationId'],
  ])('refuses an organisation with %s (400 VALIDATION.FAILED)', async (_name, overrides, field) => {
    const response = await t.request('POST', '/api/v1/admin/organizations', {
      token: admin.token,
      body: organizationBody(overrides),
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION.FAILED');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('creates a sponsor user who can sign in; no password hash leaves the API; user.created audited', async () => {
    const organizationId = await t.createOrganization();
    const email = `sponsor-${randomUUID().slice(0, 8)}@lithium.example`;
    const response = await t.request('POST', '/api/v1/admin/users', {
      token: admin.token,
      body: {
        email,
        password: 'a sufficiently long pass',
        displayName: 'Lucía Sponsor',
        roles: ['sponsor'],
        organizationId,
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      email,
      displayName: 'Lucía Sponsor',
      roles: ['sponsor'],
      organizationId,
      disabled: false,
      locale: 'en',
      createdAt: expect.any(String),
      totpEnrolled: false,
      pendingRoleRequest: null,
    });
    expect(JSON.stringify(response.body)).not.toMatch(/argon2|password/i);
    const [row] = await t.db.dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [
      response.body.id,
    ]);
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const events = await auditEvents('user.created', response.body.id);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0])).not.toContain('a sufficiently long pass');
    const login = await t.request('POST', '/api/v1/auth/token', {
      body: { email, password: 'a sufficiently long pass' },
    });
    expect(login.status).toBe(200);
    const me = await t.request('GET', '/api/v1/me', { token: login.body.accessToken });
    expect(me.body).toMatchObject({ email, roles: ['sponsor'], organizationId });
    const list = await t.request('GET', '/api/v1/admin/users', { token: admin.token });
    expect(list.body).toEqual(expect.arrayContaining([response.body]));
    expect(JSON.stringify(list.body)).not.toMatch(/argon2|passwordHash|password_hash/);
  });

  it("creates staff with the roles asked for, as api.md says; only admin waits for a second admin (ROLE_GRANT_APPROVAL's default)", async () => {
    const create = (roles: string[]) =>
      t.request('POST', '/api/v1/admin/users', {
        token: admin.token,
        body: {
          email: `staff-${randomUUID().slice(0, 8)}@fund.example`,
          password: 'a sufficiently long pass',
          displayName: 'New Staff',
          roles,
        },
      });
    for (const roles of [['officer'], ['committee'], ['officer', 'committee'], ['auditor']]) {
      const response = await create(roles);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ roles, pendingRoleRequest: null });
      const [event] = await auditEvents('user.created', response.body.id);
      expect(event.after.roles).toEqual(roles);
      expect(event.after).not.toHaveProperty('requestedRoles');
    }
    // The officer holds the role at once: its token (the test app runs AUTH_STAFF_MFA=off) reaches officer routes.
    const officer = await create(['officer']);
    const token = await t.request('POST', '/api/v1/auth/token', {
      body: { email: officer.body.email, password: 'a sufficiently long pass' },
    });
    expect(token.status).toBe(200);
    expect((await t.request('GET', '/api/v1/approvals', { token: token.body.accessToken })).status).toBe(200);

    const newAdmin = await create(['admin']);
    expect(newAdmin.status).toBe(201);
    expect(newAdmin.body).toMatchObject({
      roles: [],
      pendingRoleRequest: {
        rolesBefore: [],
        rolesAfter: ['admin'],
        status: 'pending',
        requestedBy: admin.id,
      },
    });

    // A role change follows the same rule: committee applies at once, admin waits.
    const user = await t.createUser(['auditor']);
    const committee = await t.request('PUT', `/api/v1/admin/users/${user.id}/roles`, {
      token: admin.token,
      body: { roles: ['auditor', 'committee'], reason: 'joins the investment committee' },
    });
    expect(committee.status).toBe(200);
    expect(committee.body).toMatchObject({ user: { roles: ['auditor', 'committee'] }, roleRequest: null });
    const other = await t.createUser(['auditor']);
    const toAdmin = await t.request('PUT', `/api/v1/admin/users/${other.id}/roles`, {
      token: admin.token,
      body: { roles: ['auditor', 'admin'], reason: 'second administrator' },
    });
    expect(toAdmin.status).toBe(202);
    expect(toAdmin.body.user.roles).toEqual(['auditor']);
  });

  it('answers 409 CONFLICT for an email that exists (case-insensitive)', async () => {
    const existing = await t.createUser(['officer']);
    const response = await t.request('POST', '/api/v1/admin/users', {
      token: admin.token,
      body: {
        email: existing.email.toUpperCase(),
        password: 'a different long pass',
        displayName: 'Dup',
        roles: ['officer'],
      },
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('CONFLICT');
  });

  it.each([
    ['a short password', { password: 'short' }, 'password'],
    ['an unknown role', { roles: ['superuser'] }, 'roles'],
    ['no roles', { roles: [] }, 'roles'],
    ['a sponsor without organizationId', { roles: ['sponsor'] }, 'organizationId'],
    [
      'a sponsor of an organisation that does not exist',
      { roles: ['sponsor'], organizationId: randomUUID() },
      'organizationId',
    ],
    ['a sponsor who is also an officer', { roles: ['sponsor', 'officer'], organizationId: 'ORG' }, 'roles'],
    ['an officer with an organizationId', { roles: ['officer'], organizationId: 'ORG' }, 'organizationId'],
    ['an invalid email', { email: 'not-an-email' }, 'email'],
    ['a stage (mass assignment)', { stage: 'draft' }, 'stage'],
    ['a version (mass assignment)', { version: 1 }, 'version'],
    ['a password hash (mass assignment)', { passwordHash: 'x' }, 'passwordHash'],
    ['disabled (mass assignment)', { disabled: false }, 'disabled'],
  ])('refuses a user with %s (400 VALIDATION.FAILED)', async (_name, overrides, field) => {
    const organizationId = await t.createOrganization();
    const body: Record<string, unknown> = {
      email: `u-${randomUUID().slice(0, 8)}@forge.test`,
      password: 'long enough password',
      displayName: 'Someone',
      roles: ['officer'],
      ...overrides,
    };
    if (body.organizationId === 'ORG') body.organizationId = organizationId;
    const response = await t.request('POST', '/api/v1/admin/users', { token: admin.token, body });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION.FAILED');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    const [{ count }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS count FROM users WHERE email = $1`,
      [body.email],
    );
    expect(count).toBe(0);
  });

  it('refuses every admin route to an officer (403) and to a caller without token (401)', async () => {
    const officer = await t.createUser(['officer']);
    for (const [method, url] of [
      ['GET', '/api/v1/admin/users'],
      ['GET', '/api/v1/admin/organizations'],
      ['POST', '/api/v1/admin/users'],
      ['POST', '/api/v1/admin/organizations'],
    ] as const) {
      const body = method === 'POST' ? {} : undefined;
      expect((await t.request(method, url, { token: officer.token, body })).status).toBe(403);
      expect((await t.request(method, url, { body })).status).toBe(401);
    }
  });

  describe('Idempotency-Key', () => {
    it('replays the original response for the same key and body, without a second organisation', async () => {
      const key = randomUUID();
      const body = organizationBody();
      const first = await t.request('POST', '/api/v1/admin/organizations', {
        token: admin.token,
        body,
        headers: { 'idempotency-key': key },
      });
      expect(first.status).toBe(201);
      expect(first.headers['idempotency-replayed']).toBeUndefined();
      const second = await t.request('POST', '/api/v1/admin/organizations', {
        token: admin.token,
        body: { registrationNumber: body.registrationNumber, country: 'AR', name: body.name }, // same, reordered
        headers: { 'idempotency-key': key },
      });
      expect(second.status).toBe(201);
      expect(second.headers['idempotency-replayed']).toBe('true');
      expect(second.body).toEqual(first.body);
      const [{ count }] = await t.db.dataSource.query(
        `SELECT count(*)::int AS count FROM organizations WHERE registration_number = $1`,
        [body.registrationNumber],
      );
      expect(count).toBe(1);
      const [{ events }] = await t.db.dataSource.query(
        `SELECT count(*)::int AS events FROM audit_events WHERE action = 'organization.created' AND subject_id = $1`,
        [first.body.id],
      );
      expect(events).toBe(1);
    });

    it('answers 422 IDEMPOTENCY.KEY_REUSED for the same key with a different body', async () => {
      const key = randomUUID();
      const first = await t.request('POST', '/api/v1/admin/organizations', {
        token: admin.token,
        body: organizationBody(),
        headers: { 'idempotency-key': key },
      });
      expect(first.status).toBe(201);
      const other = await t.request('POST', '/api/v1/admin/organizations', {
        token: admin.token,
        body: organizationBody(),
        headers: { 'idempotency-key': key },
      });
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    });

    it('answers 409 IDEMPOTENCY.CONCURRENT_REQUEST while the first request with the key is in progress', async () => {
      const key = randomUUID();
      const body = organizationBody();
      // The first request has claimed the key and not finished: what a concurrent duplicate sees.
      const { idempotencyRequestHash } =
        await import('../../../apps/api/src/common/idempotency.interceptor.js');
      await t.db.dataSource.query(
        `INSERT INTO idempotency_keys (user_id, key, method, path, request_hash, state, expires_at)
         VALUES ($1, $2, 'POST', '/api/v1/admin/organizations', $3, 'in_progress', now() + interval '1 day')`,
        [admin.id, key, idempotencyRequestHash('POST', '/api/v1/admin/organizations', body)],
      );
      const duplicate = await t.request('POST', '/api/v1/admin/organizations', {
        token: admin.token,
        body,
        headers: { 'idempotency-key': key },
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.code).toBe('IDEMPOTENCY.CONCURRENT_REQUEST');
    });

    it('lets exactly one of three simultaneous identical requests create the resource', async () => {
      const key = randomUUID();
      const body = organizationBody();
      const responses = await Promise.all(
        [1, 2, 3].map(() =>
          t.request('POST', '/api/v1/admin/organizations', {
            token: admin.token,
            body,
            headers: { 'idempotency-key': key },
          }),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 201).length).toBeGreaterThanOrEqual(1);
      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
      const created = responses.filter(
        (r) => r.status === 201 && r.headers['idempotency-replayed'] !== 'true',
      );
      expect(created).toHaveLength(1);
      const [{ count }] = await t.db.dataSource.query(
        `SELECT count(*)::int AS count FROM organizations WHERE registration_number = $1`,
        [body.registrationNumber],
      );
      expect(count).toBe(1);
    });

    it('frees the key when the first request fails, so a corrected retry with it succeeds', async () => {
      const key = randomUUID();
      const existing = await t.createUser(['officer']);
      const body = {
        email: existing.email,
        password: 'long enough password',
        displayName: 'X',
        roles: ['officer'],
      };
      const failed = await t.request('POST', '/api/v1/admin/users', {
        token: admin.token,
        body,
        headers: { 'idempotency-key': key },
      });
      expect(failed.status).toBe(409);
      expect(failed.body.code).toBe('CONFLICT');
      const rows = await t.db.dataSource.query(
        `SELECT 1 FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [admin.id, key],
      );
      expect(rows).toHaveLength(0);
      const corrected = { ...body, email: `fresh-${randomUUID().slice(0, 8)}@forge.test` };
      const retry = await t.request('POST', '/api/v1/admin/users', {
        token: admin.token,
        body: corrected,
        headers: { 'idempotency-key': key },
      });
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotency-replayed']).toBeUndefined();
      expect(retry.body.email).toBe(corrected.email);
    });

    it('keeps keys per user: another admin may use the same key', async () => {
      const key = randomUUID();
      const other = await t.createUser(['admin']);
      const mine = await t.request('POST', '/api/v1/admin/organizations', {
        token: admin.token,
        body: organizationBody(),
        headers: { 'idempotency-key': key },
      });
      const theirs = await t.request('POST', '/api/v1/admin/organizations', {
        token: other.token,
        body: organizationBody(),
        headers: { 'idempotency-key': key },
      });
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      expect(theirs.body.id).not.toBe(mine.body.id);
    });

    it('refuses a malformed key (400)', async () => {
      const response = await t.request('POST', '/api/v1/admin/organizations', {
        token: admin.token,
        body: organizationBody(),
        headers: { 'idempotency-key': 'x'.repeat(300) },
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION.FAILED');
    });
  });
});
