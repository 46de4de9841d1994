import { describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { expectIatiActivityElements } from '../../../../test/support/iati.js';
import {
  buildIatiActivities,
  IATI_FINANCE_TYPE,
  iatiActivityStatus,
  iatiSectorCode,
  type IatiActivityFact,
} from './iati.js';

/** A parsed node in preserveOrder form: `{ name: children[], ':@'?: attributes }`. */
type Node = Record<string, unknown>;
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
});
const nameOf = (node: Node): string => Object.keys(node).find((k) => k !== ':@') ?? '';
const childrenOf = (node: Node): Node[] => (node[nameOf(node)] as Node[]) ?? [];
const attrs = (node: Node): Record<string, string> => (node[':@'] as Record<string, string>) ?? {};
const elements = (node: Node): Node[] => childrenOf(node).filter((c) => nameOf(c) !== '#text');
const textOf = (node: Node): string =>
  childrenOf(node)
    .filter((c) => nameOf(c) === '#text')
    .map((c) => String(c['#text']))
    .join('');
const named = (node: Node, name: string): Node[] => elements(node).filter((c) => nameOf(c) === name);
const narrativeOf = (node: Node): string => textOf(named(node, 'narrative')[0] ?? {});

const ORG = { ref: 'XI-IATI-FORGE', type: '40', name: 'FORGE' };

const approved: IatiActivityFact = {
  reference: 'FORGE-2026-000003',
  stage: 'approved',
  title: 'Salar refinery <expansion> & "upgrade"',
  description: 'Lithium hydroxide refining.',
  country: 'AR',
  mineral: 'lithium',
  valueChainSegment: 'refining',
  instrument: 'subordinated_loan',
  forgeAmountUsd: 60_000_000,
  sponsorName: 'Salar Refining S.A.',
  cofinanciers: [],
  approvedAt: '2026-11-02T23:30:00.000-03:00', // 2026-11-03 in UTC
  financedAt: null,
  disbursements: [],
};
const financed: IatiActivityFact = {
  reference: 'FORGE-2026-000001',
  stage: 'financed',
  title: 'Cordillera Norte copper concentrator',
  description: '150 ktpa copper in concentrate.',
  country: 'AR',
  mineral: 'copper',
  valueChainSegment: 'extraction',
  instrument: 'senior_loan',
  forgeAmountUsd: 600_000_000,
  sponsorName: 'Andes Copper Partners Ltd',
  cofinanciers: [{ name: 'Andean Commercial Bank' }, { name: 'Partner DFI' }],
  approvedAt: '2026-10-01T12:00:00.000Z',
  financedAt: '2026-10-20T12:00:00.000Z',
  disbursements: [{ amountUsd: 100_000_000, valueDate: '2026-11-05' }],
};

function parse(activities: IatiActivityFact[]): Node {
  const xml = buildIatiActivities({ reportingOrg: ORG, generatedAt: '2026-11-30T12:00:00.123Z', activities });
  const document = parser.parse(xml) as Node[];
  const root = document.find((n) => nameOf(n) === 'iati-activities');
  if (root === undefined) throw new Error('no iati-activities');
  return root;
}

describe('buildIatiActivities (IATI 2.03)', () => {
  const root = parse([
    approved,
    financed,
    { ...financed, reference: 'FORGE-2026-000009', stage: 'committee' }, // not published
    { ...financed, reference: 'FORGE-2026-000010', stage: 'rejected' }, // not published
  ]);
  const activities = named(root, 'iati-activity');
  const [first, second] = activities as [Node, Node];

  it('is an iati-activities 2.03 document with a generated-datetime', () => {
    expect(attrs(root)).toEqual({ version: '2.03', 'generated-datetime': '2026-11-30T12:00:00Z' });
  });

  it('has one activity per approved or financed application, ordered by reference', () => {
    expect(activities.map((a) => textOf(named(a, 'iati-identifier')[0]!))).toEqual([
      'XI-IATI-FORGE-FORGE-2026-000001',
      'XI-IATI-FORGE-FORGE-2026-000003',
    ]);
  });

  it('writes the elements in the order of the 2.03 schema', () => {
    // The financed activity: FORGE, the sponsor and two cofinanciers; planned and actual start; the
    // commitment and one disbursement. The approved one: FORGE and the sponsor; planned start; the commitment.
    expectIatiActivityElements(first, { participatingOrgs: 4, activityDates: 2, transactions: 2 });
    expectIatiActivityElements(second, { participatingOrgs: 2, activityDates: 1, transactions: 1 });
  });

  it('puts default-currency on iati-activity (an attribute in 2.03)', () => {
    expect(attrs(first)).toEqual({ 'xml:lang': 'en', 'default-currency': 'USD' });
  });

  it('names the reporting organisation from configuration', () => {
    const reporting = named(first, 'reporting-org')[0]!;
    expect(attrs(reporting)).toEqual({ ref: 'XI-IATI-FORGE', type: '40' });
    expect(narrativeOf(reporting)).toBe('FORGE');
  });

  it('carries the title and description narratives, escaped', () => {
    expect(narrativeOf(named(second, 'title')[0]!)).toBe('Salar refinery <expansion> & "upgrade"');
    expect(narrativeOf(named(second, 'description')[0]!)).toBe('Lithium hydroxide refining.');
  });

  it('lists FORGE funding (1), the sponsor implementing (4) and co-financiers funding (1)', () => {
    expect(named(first, 'participating-org').map((p) => [attrs(p), narrativeOf(p)])).toEqual([
      [{ ref: 'XI-IATI-FORGE', role: '1', type: '40' }, 'FORGE'],
      [{ role: '4' }, 'Andes Copper Partners Ltd'],
      [{ role: '1' }, 'Andean Commercial Bank'],
      [{ role: '1' }, 'Partner DFI'],
    ]);
    expect(named(second, 'participating-org')).toHaveLength(2);
  });

  it('gives status 2 and both dates when financed, status 1 and the planned start when approved', () => {
    expect(attrs(named(first, 'activity-status')[0]!)).toEqual({ code: '2' });
    expect(named(first, 'activity-date').map(attrs)).toEqual([
      { type: '1', 'iso-date': '2026-10-01' },
      { type: '2', 'iso-date': '2026-10-20' },
    ]);
    expect(attrs(named(second, 'activity-status')[0]!)).toEqual({ code: '1' });
    expect(named(second, 'activity-date').map(attrs)).toEqual([{ type: '1', 'iso-date': '2026-11-03' }]);
  });

  it('gives the recipient country at 100%, the DAC sector, flow type 20 and the finance type', () => {
    expect(attrs(named(first, 'recipient-country')[0]!)).toEqual({ code: 'AR', percentage: '100' });
    expect(attrs(named(first, 'sector')[0]!)).toEqual({ vocabulary: '1', code: '32264' });
    expect(attrs(named(second, 'sector')[0]!)).toEqual({ vocabulary: '1', code: '32170' });
    expect(attrs(named(first, 'default-flow-type')[0]!)).toEqual({ code: '20' });
    expect(attrs(named(first, 'default-finance-type')[0]!)).toEqual({ code: '421' });
    expect(attrs(named(second, 'default-finance-type')[0]!)).toEqual({ code: '431' });
  });

  it('commits the FORGE amount at approval (type 2) and adds a disbursement per disbursement (type 3)', () => {
    const tx = (t: Node) => {
      const [type, date, value] = elements(t) as [Node, Node, Node];
      return [attrs(type).code, attrs(date)['iso-date'], attrs(value)['value-date'], textOf(value)];
    };
    expect(named(first, 'transaction').map(tx)).toEqual([
      ['2', '2026-10-01', '2026-10-01', '600000000'],
      ['3', '2026-11-05', '2026-11-05', '100000000'],
    ]);
    expect(named(second, 'transaction').map(tx)).toEqual([['2', '2026-11-03', '2026-11-03', '60000000']]);
  });

  it('is an empty document when nothing is approved yet', () => {
    expect(named(parse([]), 'iati-activity')).toEqual([]);
  });

  it('drops characters XML 1.0 cannot carry', () => {
    const root2 = parse([{ ...approved, title: 'Bell\u0007 and nul\u0000' }]);
    expect(narrativeOf(named(named(root2, 'iati-activity')[0]!, 'title')[0]!)).toBe('Bell and nul');
  });

  it('refuses a misconfigured reporting organisation', () => {
    expect(() =>
      buildIatiActivities({
        reportingOrg: { ...ORG, ref: 'has space' },
        generatedAt: '2026-11-30T12:00:00Z',
        activities: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'IATI.INVALID_CONFIG' }));
  });
});

describe('IATI mappings', () => {
  it.each([
    ['extraction', 'copper', '32264'],
    ['extraction', 'lithium', '32264'],
    ['extraction', 'rare_earths', '32264'],
    ['extraction', 'gold', '32265'],
    ['extraction', 'silver', '32265'],
    ['extraction', 'graphite', '32266'],
    ['processing', 'gold', '32170'],
    ['refining', 'graphite', '32170'],
    ['recycling', 'zinc', '32170'],
  ] as const)('sector of %s %s is %s', (segment, mineral, code) => {
    expect(iatiSectorCode(segment, mineral)).toBe(code);
  });
  it('maps every instrument to a finance type', () => {
    expect(IATI_FINANCE_TYPE).toEqual({
      senior_loan: '421',
      subordinated_loan: '431',
      equity: '510',
      guarantee: '1100',
      political_risk_insurance: '1100',
      first_loss: '433',
    });
  });
  it.each([
    ['approved', '1'],
    ['financed', '2'],
    ['disbursing', '2'],
    ['monitoring', '2'],
    ['repaid', '4'],
    ['written_off', '4'],
  ])('stage %s has activity status %s', (stage, code) => {
    expect(iatiActivityStatus(stage)).toBe(code);
  });
  it('refuses to give a status to an undecided application', () => {
    expect(() => iatiActivityStatus('committee')).toThrow(
      expect.objectContaining({ code: 'IATI.NOT_PUBLISHABLE' }),
    );
  });
});
