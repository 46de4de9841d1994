import { SYSTEM_AUDIT_ACTOR } from '../../../libs/audit/src/index.js';
import { issuePasswordReset } from '../../../libs/application/src/index.js';
import { UnitOfWork } from '../../../libs/persistence/src/index.js';
import { createTestApp, type TestApp, type TestUser } from '../../support/test-app.js';

/**
 * Issue 19: disable and enable, roles with four-eyes grants, segregation of duties, password reset. The suite runs
 * with the stricter ROLE_GRANT_APPROVAL=admin,officer,committee (granting officer or committee waits too); the
 * default (admin only) is in admin.e2e.spec.ts.
 */
describe('account lifecycle (admin routes)', () => {
  let t: TestApp;
  let adminA: TestUser;
  let adminB: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ env: { ROLE_GRANT_APPROVAL: 'admin,officer,committee' } });
    adminA = await t.createUser(['admin']);
    adminB = await t.createUser(['admin']);
  });
  afterAll(async () => {
    await t.close();
  });

  function events(userId: string, action?: string) {
    return t.db.dataSource.query(
      `SELECT action, actor_id, reason, before, after, context FROM audit_events
        WHERE subject_type = 'user' AND subject_id = $1 ${action ? 'AND action = $2' : ''} ORDER BY entry`,
      action ? [userId, action] : [userId],
    );
  }

  async function createViaApi(roles: string[], admin = adminA) {
    const email = `u-${Math.random().toString(36).slice(2, 10)}@fund.example`;
    const response = await t.request('POST', '/api/v1/admin/users', {
      token: admin.token,
      body: { email, password: 'a sufficiently long pass', displayName: 'New Person', roles },
    });
    return { response, email, password: 'a sufficiently long pass' };
  }

  describe('four-eyes role grants', () => {
    it('an officer created by one admin holds no role until a second admin approves', async () => {
      const { response, email, password } = await createViaApi(['officer']);
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({
        email,
        roles: [],
        disabled: false,
        pendingRoleRequest: {
          rolesBefore: [],
          rolesAfter: ['officer'],
          status: 'pending',
          requestedBy: adminA.id,
          reason: 'new account',
        },
      });
      const userId = response.body.id as string;
      const requestId = response.body.pendingRoleRequest.id as string;
      expect(await events(userId)).toEqual([
        expect.objectContaining({
          action: 'user.created',
          actor_id: adminA.id,
          after: expect.objectContaining({
            roles: [],
            requestedRoles: ['officer'],
            roleRequestId: requestId,
          }),
        }),
      ]);

      // Signed in while waiting: no role, so no officer route.
      const waiting = await t.signIn({ email, password });
      const session = await t.request('GET', '/api/v1/auth/session', { headers: waiting.headers });
      expect(session.body.user.roles).toEqual([]);
      expect((await t.request('GET', '/api/v1/approvals', { headers: waiting.headers })).status).toBe(403);

      const inbox = await t.request('GET', '/api/v1/admin/role-requests', { token: adminB.token });
      expect(inbox.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: requestId, userEmail: email })]),
      );

      const self = await t.request('POST', `/api/v1/admin/role-requests/${requestId}/approve`, {
        token: adminA.token,
        body: {},
      });
      expect(self.status).toBe(403);
      expect(self.body.code).toBe('APPROVAL.SELF_APPROVAL');

      const approved = await t.request('POST', `/api/v1/admin/role-requests/${requestId}/approve`, {
        token: adminB.token,
        body: { note: 'checked with the head of the desk' },
      });
      expect(approved.status).toBe(200);
      expect(approved.body.user).toMatchObject({ id: userId, roles: ['officer'], pendingRoleRequest: null });
      expect(approved.body.roleRequest).toMatchObject({ status: 'approved', decidedBy: adminB.id });
      expect(await events(userId, 'user.roles_changed')).toEqual([
        expect.objectContaining({
          actor_id: adminB.id,
          before: { roles: [] },
          after: { roles: ['officer'] },
          context: expect.objectContaining({
            roleRequestId: requestId,
            requestedBy: adminA.id,
            approvedBy: adminB.id,
          }),
        }),
      ]);

      // The session opened before the grant has ended; a new one carries the role.
      expect((await t.request('GET', '/api/v1/me', { headers: waiting.headers })).status).toBe(401);
      const officer = await t.signIn({ email, password });
      expect((await t.request('GET', '/api/v1/approvals', { headers: officer.headers })).status).toBe(200);

      const again = await t.request('POST', `/api/v1/admin/role-requests/${requestId}/approve`, {
        token: adminB.token,
        body: {},
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('APPROVAL.ALREADY_DECIDED');
    });

    it('granting committee or admin to an existing user waits (202); removing or granting auditor applies at once', async () => {
      const user = await t.createUser(['auditor']);
      const grant = await t.request('PUT', `/api/v1/admin/users/${user.id}/roles`, {
        token: adminA.token,
        body: { roles: ['auditor', 'committee'], reason: 'joins the investment committee' },
      });
      expect(grant.status).toBe(202);
      expect(grant.body.user.roles).toEqual(['auditor']);
      expect(grant.body.roleRequest).toMatchObject({
        rolesBefore: ['auditor'],
        rolesAfter: ['auditor', 'committee'],
      });
      expect((await events(user.id, 'user.role_change_requested')).length).toBe(1);
      // The token still works until something is applied.
      expect((await t.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);

      const second = await t.request('PUT', `/api/v1/admin/users/${user.id}/roles`, {
        token: adminB.token,
        body: { roles: ['auditor'], reason: 'changed my mind' },
      });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('AUTH.ROLE_REQUEST_PENDING');

      const rejected = await t.request(
        'POST',
        `/api/v1/admin/role-requests/${grant.body.roleRequest.id}/reject`,
        {
          token: adminB.token,
          body: { note: 'not on the committee list' },
        },
      );
      expect(rejected.status).toBe(200);
      expect(rejected.body.roleRequest).toMatchObject({
        status: 'rejected',
        decisionNote: 'not on the committee list',
      });
      expect(rejected.body.user.roles).toEqual(['auditor']);
      expect((await events(user.id, 'user.role_change_rejected')).length).toBe(1);

      const officer = await t.createUser(['officer']);
      const demote = await t.request('PUT', `/api/v1/admin/users/${officer.id}/roles`, {
        token: adminA.token,
        body: { roles: ['auditor'], reason: 'moves to internal audit' },
      });
      expect(demote.status).toBe(200);
      expect(demote.body).toMatchObject({ user: { roles: ['auditor'] }, roleRequest: null });
      expect(await events(officer.id, 'user.roles_changed')).toEqual([
        expect.objectContaining({ before: { roles: ['officer'] }, after: { roles: ['auditor'] } }),
      ]);
      // The demoted user's old token is refused at the next request.
      const old = await t.request('GET', '/api/v1/approvals', { token: officer.token });
      expect(old.status).toBe(401);
    });

    it('the admin who asked for an admin grant cannot approve it, asked on creation or on a role change; they may withdraw it', async () => {
      const created = await createViaApi(['admin']);
      expect(created.response.status).toBe(201);
      const existing = await t.createUser(['auditor']);
      const changed = await t.request('PUT', `/api/v1/admin/users/${existing.id}/roles`, {
        token: adminA.token,
        body: { roles: ['admin'], reason: 'second administrator' },
      });
      expect(changed.status).toBe(202);
      const [onCreation, onChange] = [
        created.response.body.pendingRoleRequest.id as string,
        changed.body.roleRequest.id as string,
      ];
      for (const requestId of [onCreation, onChange]) {
        const own = await t.request('POST', `/api/v1/admin/role-requests/${requestId}/approve`, {
          token: adminA.token,
          body: { note: 'looks right to me' },
        });
        expect(own.status).toBe(403);
        expect(own.body.code).toBe('APPROVAL.SELF_APPROVAL');
      }
      expect(await events(created.response.body.id, 'user.roles_changed')).toEqual([]);
      expect(await events(existing.id, 'user.roles_changed')).toEqual([]);

      const withdrawn = await t.request('POST', `/api/v1/admin/role-requests/${onChange}/reject`, {
        token: adminA.token,
        body: { note: 'asked for the wrong person' },
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.roleRequest).toMatchObject({ status: 'rejected', decidedBy: adminA.id });
      expect(withdrawn.body.user.roles).toEqual(['auditor']);
      expect(await events(existing.id, 'user.role_change_rejected')).toEqual([
        expect.objectContaining({
          actor_id: adminA.id,
          reason: 'asked for the wrong person',
          after: { roles: ['auditor'], rejectedRoles: ['admin'] },
          context: expect.objectContaining({ roleRequestId: onChange, requestedBy: adminA.id }),
        }),
      ]);

      const approved = await t.request('POST', `/api/v1/admin/role-requests/${onCreation}/approve`, {
        token: adminB.token,
        body: {},
      });
      expect(approved.status).toBe(200);
      expect(approved.body.user.roles).toEqual(['admin']);
    });

    it('refuses admin with officer or committee (segregation of duties), on creation and on change', async () => {
      const created = await createViaApi(['admin', 'committee']);
      expect(created.response.status).toBe(400);
      expect(created.response.body.code).toBe('VALIDATION.FAILED');
      expect(JSON.stringify(created.response.body.errors)).toMatch(/admin cannot be combined with committee/);
      const user = await t.createUser(['officer']);
      const change = await t.request('PUT', `/api/v1/admin/users/${user.id}/roles`, {
        token: adminA.token,
        body: { roles: ['officer', 'admin'], reason: 'both' },
      });
      expect(change.status).toBe(400);
      expect(JSON.stringify(change.body.errors)).toMatch(/segregation of duties/);
    });

    it('an admin cannot change their own roles, disable themselves, or decide a request about themselves', async () => {
      const own = await t.request('PUT', `/api/v1/admin/users/${adminA.id}/roles`, {
        token: adminA.token,
        body: { roles: ['auditor'], reason: 'x'.repeat(5) },
      });
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('AUTH.SELF_ADMINISTRATION');
      const disable = await t.request('POST', `/api/v1/admin/users/${adminA.id}/disable`, {
        token: adminA.token,
        body: { reason: 'leaving' },
      });
      expect(disable.status).toBe(403);
      expect(disable.body.code).toBe('AUTH.SELF_ADMINISTRATION');
      const auditor = await t.createUser(['auditor']);
      const toAdmin = await t.request('PUT', `/api/v1/admin/users/${auditor.id}/roles`, {
        token: adminA.token,
        body: { roles: ['auditor', 'admin'], reason: 'second administrator' },
      });
      expect(toAdmin.status).toBe(202);
      // The user concerned becomes an admin only after approval, so cannot approve; simulate an admin asking
      // about themselves through the database to check the rule itself.
      await t.db.dataSource.query(
        `UPDATE role_requests SET user_id = $1, roles_before = '{admin}' WHERE id = $2`,
        [adminB.id, toAdmin.body.roleRequest.id],
      );
      const aboutSelf = await t.request(
        'POST',
        `/api/v1/admin/role-requests/${toAdmin.body.roleRequest.id}/approve`,
        {
          token: adminB.token,
          body: {},
        },
      );
      expect(aboutSelf.status).toBe(403);
      expect(aboutSelf.body.code).toBe('AUTH.SELF_ADMINISTRATION');
      await t.db.dataSource.query(
        `UPDATE role_requests SET status = 'rejected', decided_at = now() WHERE id = $1`,
        [toAdmin.body.roleRequest.id],
      );
    });

    it('a request whose user changed since is stale (409)', async () => {
      const user = await t.createUser(['auditor']);
      const grant = await t.request('PUT', `/api/v1/admin/users/${user.id}/roles`, {
        token: adminA.token,
        body: { roles: ['officer'], reason: 'joins the desk' },
      });
      expect(grant.status).toBe(202);
      await t.db.dataSource.query(`UPDATE users SET roles = '{committee}' WHERE id = $1`, [user.id]);
      const stale = await t.request(
        'POST',
        `/api/v1/admin/role-requests/${grant.body.roleRequest.id}/approve`,
        {
          token: adminB.token,
          body: {},
        },
      );
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('AUTH.ROLE_REQUEST_STALE');
    });

    it('two admins approving the same request at once: one applies it, the other gets 409', async () => {
      const adminC = await t.createUser(['admin']);
      const { response } = await createViaApi(['committee']);
      const requestId = response.body.pendingRoleRequest.id as string;
      const answers = await Promise.all(
        [adminB, adminC].map((admin) =>
          t.request('POST', `/api/v1/admin/role-requests/${requestId}/approve`, {
            token: admin.token,
            body: {},
          }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect((await events(response.body.id, 'user.roles_changed')).length).toBe(1);
    });

    it('answers 404 for unknown ids, 400 for malformed ids and for an unknown status filter', async () => {
      const unknown = await t.request('GET', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000', {
        token: adminA.token,
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('USER.NOT_FOUND');
      const malformed = await t.request('GET', '/api/v1/admin/users/not-a-uuid', { token: adminA.token });
      expect(malformed.status).toBe(400);
      const approve = await t.request(
        'POST',
        '/api/v1/admin/role-requests/00000000-0000-4000-8000-000000000000/approve',
        { token: adminA.token, body: {} },
      );
      expect(approve.status).toBe(404);
      expect(approve.body.code).toBe('ROLE_REQUEST.NOT_FOUND');
      const bad = await t.request('GET', '/api/v1/admin/role-requests?status=maybe', { token: adminA.token });
      expect(bad.status).toBe(400);
    });
  });

  describe('disable and enable', () => {
    it("refuses a disabled user's next request at once, session and bearer alike; enabling needs a new sign-in", async () => {
      const user = await t.createUser(['officer']);
      const session = await t.signIn(user);
      expect((await t.request('GET', '/api/v1/me', { token: user.token })).status).toBe(200);
      const disabled = await t.request('POST', `/api/v1/admin/users/${user.id}/disable`, {
        token: adminA.token,
        body: { reason: 'left the fund' },
      });
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: user.id, disabled: true });
      const bearer = await t.request('GET', '/api/v1/me', { token: user.token });
      expect(bearer.status).toBe(401);
      const cookie = await t.request('GET', '/api/v1/me', { headers: session.headers });
      expect(cookie.status).toBe(401);
      const signIn = await t.request('POST', '/api/v1/auth/session', {
        body: { email: user.email, password: user.password },
      });
      expect(signIn.status).toBe(401);
      expect(await events(user.id, 'user.disabled')).toEqual([
        expect.objectContaining({ actor_id: adminA.id, reason: 'left the fund', after: { disabled: true } }),
      ]);
      const twice = await t.request('POST', `/api/v1/admin/users/${user.id}/disable`, {
        token: adminA.token,
        body: { reason: 'again' },
      });
      expect(twice.status).toBe(409);

      const enabled = await t.request('POST', `/api/v1/admin/users/${user.id}/enable`, {
        token: adminB.token,
        body: { reason: 'came back' },
      });
      expect(enabled.status).toBe(200);
      expect(enabled.body.disabled).toBe(false);
      expect((await events(user.id, 'user.enabled')).length).toBe(1);
      expect((await t.request('GET', '/api/v1/me', { token: user.token })).status).toBe(401);
      expect((await t.request('GET', '/api/v1/me', { headers: session.headers })).status).toBe(401);
      const fresh = await t.signIn(user);
      expect((await t.request('GET', '/api/v1/me', { headers: fresh.headers })).status).toBe(200);
    });

    it('lists users with their state and pending grants, for admins only', async () => {
      const list = await t.request('GET', '/api/v1/admin/users', { token: adminA.token });
      expect(list.status).toBe(200);
      expect(list.body[0]).toEqual(
        expect.objectContaining({ disabled: expect.any(Boolean), pendingRoleRequest: null }),
      );
      const officer = await t.createUser(['officer']);
      expect((await t.request('GET', '/api/v1/admin/users', { token: officer.token })).status).toBe(403);
    });
  });

  describe('password policy and reset', () => {
    it.each([
      ['twelve spaces', ' '.repeat(12), /blank/],
      ['a common password', 'Password2024!', /common/],
      ['the email address', 'EMAIL', /email/],
    ])('refuses %s with 400 AUTH.PASSWORD_REJECTED', async (_name, password, message) => {
      const email = `p-${Math.random().toString(36).slice(2, 10)}@fund.example`;
      const response = await t.request('POST', '/api/v1/admin/users', {
        token: adminA.token,
        body: {
          email,
          password: password === 'EMAIL' ? email : password,
          displayName: 'P',
          roles: ['auditor'],
        },
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('AUTH.PASSWORD_REJECTED');
      expect(response.body.errors).toEqual([{ field: 'password', message: expect.stringMatching(message) }]);
    });

    async function issueReset(userId: string) {
      return new UnitOfWork(t.db.dataSource).run((manager) =>
        issuePasswordReset(manager, { userId, ttlSeconds: 600, requestedBy: 'cli' }, SYSTEM_AUDIT_ACTOR),
      );
    }

    it('sets a new password with a one-time token: old credentials end, the token works once', async () => {
      const user = await t.createUser(['auditor']);
      const session = await t.signIn(user);
      const { token } = await issueReset(user.id);
      const stored = await t.db.dataSource.query(
        `SELECT count(*)::int AS n FROM password_reset_tokens WHERE user_id = $1 AND encode(token_hash, 'hex') LIKE '%' || $2 || '%'`,
        [user.id, Buffer.from(token).toString('hex')],
      );
      expect(stored[0].n).toBe(0);

      const weak = await t.request('POST', '/api/v1/auth/password-reset', {
        body: { token, password: 'qwertyuiop12' },
      });
      expect(weak.status).toBe(400);
      expect(weak.body.code).toBe('AUTH.PASSWORD_REJECTED');

      const done = await t.request('POST', '/api/v1/auth/password-reset', {
        body: { token, password: 'a brand new pass phrase' },
      });
      expect(done.status).toBe(204);
      expect((await t.request('GET', '/api/v1/me', { token: user.token })).status).toBe(401);
      expect((await t.request('GET', '/api/v1/me', { headers: session.headers })).status).toBe(401);
      const oldPassword = await t.request('POST', '/api/v1/auth/session', {
        body: { email: user.email, password: user.password },
      });
      expect(oldPassword.status).toBe(401);
      await t.signIn({ email: user.email, password: 'a brand new pass phrase' });

      const reused = await t.request('POST', '/api/v1/auth/password-reset', {
        body: { token, password: 'another new pass phrase' },
      });
      expect(reused.status).toBe(400);
      expect(reused.body.code).toBe('AUTH.INVALID_RESET_TOKEN');
      const actions = (await events(user.id)).map((event: { action: string }) => event.action);
      expect(actions.filter((action: string) => action.startsWith('user.'))).toEqual([
        'user.password_reset_issued',
        'user.password_reset',
      ]);
    });

    it('refuses an expired, superseded, malformed or unknown token alike', async () => {
      const user = await t.createUser(['auditor']);
      const first = await issueReset(user.id);
      const second = await issueReset(user.id);
      const superseded = await t.request('POST', '/api/v1/auth/password-reset', {
        body: { token: first.token, password: 'a brand new pass phrase' },
      });
      expect(superseded.body.code).toBe('AUTH.INVALID_RESET_TOKEN');
      await t.db.dataSource.query(
        `UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [user.id],
      );
      const expired = await t.request('POST', '/api/v1/auth/password-reset', {
        body: { token: second.token, password: 'a brand new pass phrase' },
      });
      expect(expired.body.code).toBe('AUTH.INVALID_RESET_TOKEN');
      for (const token of ['short', 'A'.repeat(43)]) {
        const response = await t.request('POST', '/api/v1/auth/password-reset', {
          body: { token, password: 'a brand new pass phrase' },
        });
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('AUTH.INVALID_RESET_TOKEN');
      }
    });
  });
});
