import { DomainError } from '../errors/domain-error.js';
import { classifyAddress, isAllowedWebhookAddress } from './address-classification.js';
import { EMAIL_LOCALES, emailLocale, formatUsd, renderEmail, templateParams } from './email-templates.js';
import {
  EMAIL_TEMPLATES,
  notificationsFor,
  resolvedWork,
  type NotifiableEvent,
  type NotificationApplicationFacts,
} from './notification-rules.js';
import {
  isDelivered,
  matchesWebhookFilter,
  nextRetry,
  parseWebhookUrl,
  retryDelayMs,
  retrySchedule,
  validateWebhookEvents,
  WEBHOOK_RETRY_POLICY,
} from './webhooks.js';

const app: NotificationApplicationFacts = {
  organizationId: 'org-1',
  assigneeId: 'officer-7',
  reference: 'FORGE-2027-000042',
  title: 'Puna Clara DLE',
};

const event = (overrides: Partial<NotifiableEvent>): NotifiableEvent => ({
  action: 'x.y',
  actor: { id: 'officer-1', role: 'officer' },
  subject: { type: 'application', id: 'app-1' },
  applicationId: 'app-1',
  before: null,
  after: null,
  context: null,
  ...overrides,
});

describe('which events notify whom', () => {
  const cases: [string, Partial<NotifiableEvent>, [string, string, string, string | null][]][] = [
    [
      'a maker-checker item: every officer (the maker is dropped), until decided',
      {
        action: 'approval.requested',
        subject: { type: 'approval', id: 'ap-1' },
        after: { action: 'check.waive' },
      },
      [['approval_requested', 'approval', 'role:officer', 'approval:ap-1']],
    ],
    [
      'an information request: the sponsor organisation, until answered',
      { action: 'information_request.opened', subject: { type: 'information_request', id: 'ir-1' } },
      [['information_requested', 'information_request', 'organization:org-1', 'information_request:ir-1']],
    ],
    [
      'entering committee opens a vote for the committee',
      { action: 'application.stage_changed', before: { stage: 'financing' }, after: { stage: 'committee' } },
      [['vote_opened', 'vote', 'role:committee', 'vote:app-1']],
    ],
    [
      'another stage change tells nobody',
      { action: 'application.stage_changed', after: { stage: 'esg_review' } },
      [],
    ],
    [
      'the decision: sponsor and assignee',
      { action: 'committee.decided', context: { decision: 'approved' } },
      [['committee_decided', 'decision', 'organization:org-1,assignee_or_officers', null]],
    ],
    [
      'a disbursement request: the assignee (or every officer)',
      {
        action: 'disbursement.requested',
        subject: { type: 'disbursement', id: 'd-1' },
        after: { amountUsd: 5, trancheId: 'T1' },
      },
      [['disbursement_requested', 'disbursement', 'assignee_or_officers', 'disbursement:d-1']],
    ],
    [
      'a proposal: a four-eyes item for the officers',
      {
        action: 'disbursement.proposed',
        subject: { type: 'disbursement', id: 'd-1' },
        context: { approvalId: 'ap-2' },
      },
      [['approval_requested', 'approval', 'role:officer', 'approval:ap-2']],
    ],
    [
      'an approved disbursement: the maker and the sponsor',
      {
        action: 'approval.granted',
        subject: { type: 'approval', id: 'ap-2' },
        after: { action: 'disbursement.release', subject: 'd-1' },
        context: { makerId: 'officer-1', amountUsd: 5, valueDate: '2027-03-02' },
      },
      [
        ['approval_decided', 'decision', 'user:officer-1', null],
        ['disbursement_made', 'disbursement', 'organization:org-1', null],
      ],
    ],
    [
      'an ESAP item marked done: the assignee verifies',
      { action: 'esap.item_updated', subject: { type: 'esap_item', id: 'e-1' }, after: { status: 'done' } },
      [['esap_item_done', 'esap_item', 'assignee_or_officers', 'esap_review:e-1']],
    ],
    [
      'a breach on the watchlist: the officers',
      {
        action: 'amr.submitted',
        subject: { type: 'amr', id: '2027' },
        after: { year: 2027 },
        context: {
          watchlistAdded: [{ id: 'covenant_breach:2027:DSCR_MIN#1', detail: 'DSCR 1.05x < 1.20x' }],
        },
      },
      [
        ['amr_submitted', 'amr', 'assignee_or_officers', null],
        ['watchlist_added', 'watchlist', 'role:officer', null],
      ],
    ],
    [
      'overdue work: the party it awaits and the assignee',
      {
        action: 'work.overdue',
        context: {
          workKey: 'information_request:ir-1',
          kind: 'information_request',
          dueAt: '2027-03-19T10:00:00.000Z',
          awaiting: [{ kind: 'organization', organizationId: 'org-1' }],
          target: {
            type: 'information_request',
            id: 'ir-1',
            applicationId: 'app-1',
            path: '/applications/app-1/information-requests/ir-1',
          },
        },
      },
      [['work_overdue', 'overdue', 'organization:org-1,user:officer-7', 'overdue:information_request:ir-1']],
    ],
    [
      'escalated work: the party it awaits and every officer',
      {
        action: 'work.escalated',
        context: {
          workKey: 'approval:ap-1',
          kind: 'approval',
          dueAt: '2027-03-09T10:00:00.000Z',
          awaiting: [{ kind: 'role', role: 'officer' }],
          target: { type: 'approval', id: 'ap-1', applicationId: 'app-1', path: '/approvals/ap-1' },
        },
      },
      [['work_escalated', 'overdue', 'role:officer,role:officer', 'overdue:approval:ap-1']],
    ],
    [
      'a portfolio policy proposal: every other admin, until decided',
      {
        action: 'portfolio_policy.proposed',
        actor: { id: 'admin-1', role: 'admin' },
        subject: { type: 'portfolio_policy', id: 'pp-1' },
        applicationId: null,
        after: { policy: 'FORGE-PP', version: '1.1.0' },
      },
      [['policy_approval_requested', 'approval', 'role:admin', 'portfolio_policy:pp-1']],
    ],
    ['an unknown action tells nobody', { action: 'document.added' }, []],
  ];

  it.each(cases)('%s', (_name, overrides, expected) => {
    const plans = notificationsFor(event(overrides), app);
    expect(
      plans.map((p) => [
        p.template,
        p.inboxKind,
        p.audiences
          .map((a) =>
            a.kind === 'user'
              ? `user:${a.userId}`
              : a.kind === 'organization'
                ? `organization:${a.organizationId}`
                : a.kind === 'role'
                  ? `role:${a.role}`
                  : a.kind,
          )
          .join(','),
        p.workKey,
      ]),
    ).toEqual(expected);
    for (const p of plans) {
      expect(p.target.path.startsWith('/')).toBe(true);
      expect(p.params.reference).toBe(app.reference);
    }
  });

  it('overdue work of an unassigned application tells only the party it awaits (officers at escalation)', () => {
    const overdue = notificationsFor(
      event({
        action: 'work.overdue',
        actor: { id: 'system', role: 'system' },
        context: {
          workKey: 'vote:app-1',
          kind: 'vote',
          dueAt: '2027-03-19T10:00:00.000Z',
          awaiting: [{ kind: 'role', role: 'committee' }],
          target: { type: 'application', id: 'app-1', applicationId: 'app-1', path: '/applications/app-1' },
        },
      }),
      { ...app, assigneeId: null },
    );
    expect(overdue.map((p) => p.audiences)).toEqual([[{ kind: 'role', role: 'committee' }]]);
  });

  it('a serious incident is emailed; a minor one only reaches the inbox', () => {
    const serious = notificationsFor(
      event({
        action: 'incident.reported',
        subject: { type: 'incident', id: 'i' },
        after: { serious: true, kind: 'tailings', severity: 2 },
      }),
      app,
    );
    const minor = notificationsFor(
      event({
        action: 'incident.reported',
        subject: { type: 'incident', id: 'i' },
        after: { serious: false, kind: 'other', severity: 1 },
      }),
      app,
    );
    expect([serious[0].email, minor[0].email]).toEqual([true, false]);
  });

  it.each([
    [
      'approval.granted',
      { subject: { type: 'approval', id: 'ap-1' }, after: { action: 'check.waive' } },
      ['approval:ap-1', 'overdue:approval:ap-1'],
    ],
    [
      'approval.rejected',
      {
        subject: { type: 'approval', id: 'ap-2' },
        after: { action: 'disbursement.release', subject: 'd-1' },
      },
      ['approval:ap-2', 'overdue:approval:ap-2', 'disbursement:d-1', 'overdue:disbursement:d-1'],
    ],
    [
      'information_request.answered',
      { subject: { type: 'information_request', id: 'ir-1' } },
      ['information_request:ir-1', 'overdue:information_request:ir-1'],
    ],
    ['committee.decided', {}, ['vote:app-1', 'overdue:vote:app-1']],
    [
      'application.stage_changed',
      { before: { stage: 'committee' } },
      ['vote:app-1', 'overdue:vote:app-1', 'stage:app-1', 'overdue:stage:app-1'],
    ],
    [
      'esap.item_reviewed',
      { subject: { type: 'esap_item', id: 'e-1' }, after: { status: 'verified' } },
      ['esap_review:e-1', 'overdue:esap_review:e-1', 'esap_item:e-1', 'overdue:esap_item:e-1'],
    ],
    ['amr.submitted', { after: { year: 2027 } }, ['amr:app-1:2027', 'overdue:amr:app-1:2027']],
    [
      'portfolio_policy.rejected',
      { subject: { type: 'portfolio_policy', id: 'pp-1' }, applicationId: null },
      ['portfolio_policy:pp-1', 'overdue:portfolio_policy:pp-1'],
    ],
  ] as const)('%s resolves waiting work', (action, overrides, keys) => {
    expect(
      resolvedWork(event({ action, ...(overrides as Partial<NotifiableEvent>) })).map((r) => r.workKey),
    ).toEqual(keys);
  });

  it("a vote resolves only the voter's item", () => {
    expect(
      resolvedWork(event({ action: 'committee.vote_cast', actor: { id: 'member-2', role: 'committee' } })),
    ).toEqual([
      { workKey: 'vote:app-1', userId: 'member-2' },
      { workKey: 'overdue:vote:app-1', userId: 'member-2' },
    ]);
  });
});

describe('email templates', () => {
  const params = {
    reference: 'FORGE-2027-000042',
    title: 'Puna <Clara> & co',
    link: 'https://forge.example/applications/app-1',
    action: 'disbursement.release',
    decision: 'approved',
    amountUsd: '40000000',
    valueDate: '2027-03-02',
    trancheId: 'T1',
    dueDate: '2027-06-30',
    standard: 'PS3',
    status: 'verified',
    year: '2027',
    kind: 'tailings',
    severity: '3',
    detail: 'DSCR 1.05x < 1.20x',
    dueAt: '2027-03-19T10:00:00.000Z',
    resetUrl: 'https://forge.example/reset#t',
    policy: 'FORGE-PP 1.1.0',
  };

  it.each(EMAIL_TEMPLATES.flatMap((t) => EMAIL_LOCALES.map((l) => [t, l] as const)))(
    '%s renders in %s',
    (template, locale) => {
      const email = renderEmail(template, locale, params);
      expect(email.locale).toBe(locale);
      expect(email.subject).not.toMatch(/[{}\r\n]/);
      expect(email.text).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(email.html).not.toContain('<Clara>');
      expect(email.html).toContain(`lang="${locale}"`);
    },
  );

  it('uses the same placeholders in every language', () => {
    for (const template of EMAIL_TEMPLATES) {
      for (const locale of EMAIL_LOCALES) {
        const email = renderEmail(
          template,
          locale,
          Object.fromEntries(templateParams(template).map((p) => [p, `<${p}>`])),
        );
        expect(email.subject.length).toBeGreaterThan(0);
      }
    }
  });

  it('localises words and amounts', () => {
    expect(renderEmail('disbursement_made', 'pt-BR', params).subject).toBe(
      '[FORGE-2027-000042] Desembolsado: US$ 40.000.000',
    );
    expect(renderEmail('disbursement_made', 'en', params).subject).toBe(
      '[FORGE-2027-000042] Disbursed: US$40,000,000',
    );
    expect(renderEmail('approval_decided', 'es', params).subject).toBe(
      '[FORGE-2027-000042] Su elemento desembolso fue aprobada',
    );
    expect(renderEmail('incident_reported', 'es', params).subject).toContain('relaves');
    expect(formatUsd('999', 'en')).toBe('US$999');
  });

  it('picks the closest language', () => {
    expect([
      emailLocale('es-AR'),
      emailLocale('pt'),
      emailLocale('pt-PT'),
      emailLocale('fr'),
      emailLocale(null),
    ]).toEqual(['es', 'pt-BR', 'pt-BR', 'en', 'en']);
  });

  it('keeps header injection out of the subject and refuses missing parameters', () => {
    const email = renderEmail('committee_decided', 'en', {
      ...params,
      reference: 'X\r\nBcc: evil@example.com',
    });
    expect(email.subject).toBe('[X Bcc: evil@example.com] Committee decision: approved');
    expect(() => renderEmail('committee_decided', 'en', { reference: 'x', title: 'y' })).toThrow(DomainError);
  });
});

describe('webhook event filters', () => {
  it.each([
    [['*'], 'committee.decided', true],
    [['application.submitted'], 'application.submitted', true],
    [['application.submitted'], 'application.submitted_late', false],
    [['application.submitted'], 'committee.decided', false],
    [['application.*'], 'application.submitted', false],
  ])('%p matches %s: %p', (events, action, expected) => {
    expect(matchesWebhookFilter(events, action)).toBe(expected);
  });

  it.each([
    [['*'], []],
    [['application.submitted', 'committee.decided'], []],
    [[], ['events']],
    ['*', ['events']],
    [['Application.Submitted'], ['events[0]']],
    [['application'], ['events[0]']],
    [['application.*'], ['events[0]']],
    [['*', '*'], ['events[1]']],
  ])('validates %p', (events, fields) => {
    expect(validateWebhookEvents(events).map((p) => p.field)).toEqual(fields);
  });
});

describe('webhook retries', () => {
  it('backs off exponentially from 30 s, capped at 4 h', () => {
    expect([1, 2, 3, 4, 9, 10, 50].map((n) => retryDelayMs(n, WEBHOOK_RETRY_POLICY))).toEqual([
      30_000, 60_000, 120_000, 240_000, 7_680_000, 14_400_000, 14_400_000,
    ]);
  });

  it('retries for 24 h, then dead-letters', () => {
    const schedule = retrySchedule(WEBHOOK_RETRY_POLICY);
    expect(schedule).toHaveLength(14);
    expect(schedule[schedule.length - 1]).toBeLessThanOrEqual(24 * 3_600_000);
    expect(nextRetry(0, schedule[schedule.length - 1], schedule.length, WEBHOOK_RETRY_POLICY)).toEqual({
      deadLetter: true,
    });
    expect(nextRetry(0, 0, 1, WEBHOOK_RETRY_POLICY)).toEqual({ retryAtMs: 30_000 });
  });

  it('only 2xx is delivered', () => {
    expect([200, 204, 299, 300, 410, 500, null].map(isDelivered)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('SSRF address classification', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link_local'],
    ['fe80::1', 'link_local'],
    ['fc00::1', 'unique_local'],
    ['fd12:3456:789a::1', 'unique_local'],
    ['100.64.0.1', 'carrier_grade_nat'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['::127.0.0.1', 'loopback'], // ipaddr.js reads the dotted form as IPv4-mapped: refused either way
    ['::7f00:1', 'reserved'],
    ['64:ff9b::7f00:1', 'reserved'],
    ['2002:7f00:1::', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['127.1', 'invalid'],
    ['0x7f.0.0.1', 'invalid'],
    ['fe80::1%eth0', 'invalid'],
    ['localhost', 'invalid'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address).class).toBe(expected);
  });

  it('allows only public addresses unless private ones are allowed', () => {
    expect(isAllowedWebhookAddress('8.8.8.8', false)).toBe(true);
    expect(isAllowedWebhookAddress('127.0.0.1', false)).toBe(false);
    expect(isAllowedWebhookAddress('127.0.0.1', true)).toBe(true);
    expect(isAllowedWebhookAddress('not-an-ip', true)).toBe(false);
  });

  it('parses URLs, classifying IP hosts in every spelling the URL parser accepts', () => {
    expect(parseWebhookUrl('http://2130706433:8080/hook')).toMatchObject({
      hostname: '127.0.0.1',
      port: 8080,
      literalClass: 'loopback',
    });
    expect(parseWebhookUrl('http://[::ffff:7f00:1]/')).toMatchObject({
      literalAddress: '127.0.0.1',
      literalClass: 'loopback',
    });
    expect(parseWebhookUrl('https://0x7f.1/')).toMatchObject({
      hostname: '127.0.0.1',
      literalClass: 'loopback',
    });
    expect(parseWebhookUrl('https://hooks.example.com/forge')).toMatchObject({
      port: 443,
      literalAddress: null,
      literalClass: null,
    });
  });

  it.each([
    'ftp://example.com/',
    'https://user:pw@example.com/',
    'https://example.com/#x',
    'not a url',
    '',
    `https://example.com/${'a'.repeat(2100)}`,
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    expect(() => parseWebhookUrl(url)).toThrow(DomainError);
  });
});
