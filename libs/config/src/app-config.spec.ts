import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('defaults to the PostgreSQL queue backend without REDIS_URL', () => {
    const config = loadConfig({});
    expect(config.queue.backend).toBe('postgres');
    expect(config.http.port).toBe(3000);
    expect(config.pipeline.committeeQuorum).toBe(3);
  });
  it('defaults to Redis when REDIS_URL is set', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).queue.backend).toBe('redis');
  });
  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', QUEUE_BACKEND: 'kafka', DATABASE_URL: 'mysql://x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('QUEUE_BACKEND');
    expect(message).toContain('DATABASE_URL');
  });
  it('reads the FEOC covered nations (default CN, RU, IR, KP; upper-cased, de-duplicated)', () => {
    expect(loadConfig({}).checks.feocCoveredCountries).toEqual(['CN', 'RU', 'IR', 'KP']);
    expect(loadConfig({ FEOC_COVERED_COUNTRIES: ' cn, RU,by,CN ' }).checks.feocCoveredCountries).toEqual([
      'CN',
      'RU',
      'BY',
    ]);
  });
  it.each(['', 'CHN', 'CN;RU', 'CN,,RU'])('refuses FEOC_COVERED_COUNTRIES=%j', (value) => {
    expect(() => loadConfig({ FEOC_COVERED_COUNTRIES: value })).toThrow(/FEOC_COVERED_COUNTRIES/);
  });
  it('reads the second factor grace (default 72 h, 0 allowed) and refuses a bad one', () => {
    expect(loadConfig({}).auth.staffTotpGraceHours).toBe(72);
    expect(loadConfig({ AUTH_STAFF_MFA_GRACE_HOURS: '0' }).auth.staffTotpGraceHours).toBe(0);
    for (const value of ['-1', 'soon', '1.5', '721']) {
      expect(() => loadConfig({ AUTH_STAFF_MFA_GRACE_HOURS: value })).toThrow(/AUTH_STAFF_MFA_GRACE_HOURS/);
    }
  });
  it('reads the roles whose grant waits for a second admin (default admin)', () => {
    expect(loadConfig({}).auth.roleGrantApproval).toEqual(['admin']);
    expect(
      loadConfig({ ROLE_GRANT_APPROVAL: ' admin, officer,committee,admin ' }).auth.roleGrantApproval,
    ).toEqual(['admin', 'officer', 'committee']);
  });
  it.each(['', 'officer', 'officer,committee', 'admin,auditor', 'admin,sponsor', 'admin;officer'])(
    'refuses ROLE_GRANT_APPROVAL=%j (officer, committee, admin only; admin always)',
    (value) => {
      expect(() => loadConfig({ ROLE_GRANT_APPROVAL: value })).toThrow(/ROLE_GRANT_APPROVAL/);
    },
  );
  it('requires REDIS_URL for QUEUE_BACKEND=redis', () => {
    expect(() => loadConfig({ QUEUE_BACKEND: 'redis' })).toThrow(/REDIS_URL/);
  });
  it('keeps the request counts in Redis when REDIS_URL is set unless RATE_LIMIT_STORE=memory', () => {
    const redisUrl = 'redis://127.0.0.1:6379';
    expect(loadConfig({ REDIS_URL: redisUrl }).rateLimit.store).toBe('redis');
    expect(loadConfig({}).rateLimit.store).toBe('memory');
    expect(loadConfig({ REDIS_URL: redisUrl, RATE_LIMIT_STORE: 'memory' }).rateLimit.store).toBe('memory');
    expect(() => loadConfig({ RATE_LIMIT_STORE: 'redis' })).toThrow(
      /REDIS_URL is required when RATE_LIMIT_STORE/,
    );
    expect(() => loadConfig({ RATE_LIMIT_STORE: 'memcached' })).toThrow(/RATE_LIMIT_STORE/);
  });

  it('reads the portfolio settings with their defaults', () => {
    expect(loadConfig({}).portfolio).toEqual({
      envelopeUsd: 30_000_000_000,
      disclosureDaysA: 60,
      disclosureDaysOther: 30,
      iati: { orgRef: 'XI-IATI-FORGE', orgType: '40', orgName: 'FORGE' },
    });
    const set = loadConfig({
      FORGE_ENVELOPE_USD: '5000000000',
      DISCLOSURE_DAYS_A: '0',
      DISCLOSURE_DAYS_OTHER: '14',
      FORGE_IATI_ORG_REF: 'XM-DAC-99-1',
    }).portfolio;
    expect(set).toMatchObject({ envelopeUsd: 5_000_000_000, disclosureDaysA: 0, disclosureDaysOther: 14 });
    expect(set.iati.orgRef).toBe('XM-DAC-99-1');
  });
  it.each([
    ['FORGE_ENVELOPE_USD', '0'],
    ['FORGE_ENVELOPE_USD', '1.5e9'],
    ['DISCLOSURE_DAYS_A', '-1'],
    ['DISCLOSURE_DAYS_OTHER', 'thirty'],
    ['FORGE_IATI_ORG_REF', 'has space'],
    ['FORGE_IATI_ORG_TYPE', 'forty'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('reads the deadline policy and notification settings (issue 17)', () => {
    const config = loadConfig({
      STAGE_SLA_DAYS: 'screening=3,monitoring=20',
      BUSINESS_HOLIDAYS: '2027-12-24, 2027-12-31',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_BASE_MS: '50',
    });
    expect(config.deadlines.policy.stageSlaBusinessDays).toEqual({ screening: 3, monitoring: 20 });
    expect(config.deadlines.policy.calendar.holidays).toEqual(['2027-12-24', '2027-12-31']);
    expect(config.notifications).toMatchObject({
      smtpUrl: 'smtp://127.0.0.1:2525',
      webhooks: { allowPrivate: true, retry: { baseDelayMs: 50, windowMs: 86_400_000 } },
    });
    expect(loadConfig({}).notifications.smtpUrl).toBeUndefined();
  });

  it.each([
    ['STAGE_SLA_DAYS', 'nowhere=3'],
    ['BUSINESS_HOLIDAYS', '2027-02-30'],
    ['SMTP_URL', 'http://mail'],
    ['AMR_DUE_MONTH_DAY', '4/30'],
  ])('refuses %s=%s', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(
      name === 'BUSINESS_HOLIDAYS' || name === 'STAGE_SLA_DAYS' ? /deadlines|STAGE_SLA_DAYS|holiday/ : name,
    );
  });

  it('maps OIDC groups to staff roles only (STAFF_ROLES of the domain)', () => {
    const oidc = {
      OIDC_ISSUER_URL: 'https://idp.example',
      OIDC_CLIENT_ID: 'forge',
      OIDC_REDIRECT_URL: 'https://forge.example/api/v1/auth/oidc/callback',
    };
    expect(
      loadConfig({ ...oidc, OIDC_ROLE_MAPPING: 'ic=committee, risk=officer,audit=auditor,ops=admin' }).auth
        .oidc?.roleMapping,
    ).toEqual([
      { group: 'ic', role: 'committee' },
      { group: 'risk', role: 'officer' },
      { group: 'audit', role: 'auditor' },
      { group: 'ops', role: 'admin' },
    ]);
    expect(() => loadConfig({ ...oidc, OIDC_ROLE_MAPPING: 'partners=sponsor' })).toThrow(
      'OIDC_ROLE_MAPPING: sponsor is not a staff role (officer, committee, auditor, admin)',
    );
  });
});
