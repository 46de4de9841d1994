import { XMLBuilder } from 'fast-xml-parser';
import type { Instrument, Mineral, ValueChainSegment } from '../application/application-input.js';
import { DomainError } from '../errors/domain-error.js';
import { portfolioBucket } from './portfolio-facts.js';

/**
 * IATI 2.03 publication (portfolio.md "IATI publication"): one `iati-activity` per approved or
 * financed application, mapped exactly as portfolio.md says, elements in the order of the 2.03
 * schema's `iati-activity` sequence (iati-activities-schema.xsd, release 2.03):
 *
 *   iati-identifier, reporting-org, title, description, participating-org+, other-identifier*,
 *   activity-status, activity-date+, contact-info*, activity-scope?, recipient-country*,
 *   recipient-region*, location*, sector*, tag*, country-budget-items?, humanitarian-scope*,
 *   policy-marker*, collaboration-type?, default-flow-type?, default-finance-type?,
 *   default-aid-type*, default-tied-status?, budget*, planned-disbursement*, capital-spend?,
 *   transaction*, document-link*, …
 *
 * and inside `transaction`: transaction-type, transaction-date, value, … The subset we write keeps
 * that order (`IATI_ACTIVITY_ELEMENT_ORDER`). `default-currency` is an attribute of `iati-activity`
 * in 2.03, not an element. Serialised with fast-xml-parser's builder in `preserveOrder` mode, which
 * writes children in exactly the array order given and escapes text and attribute values.
 */
export const IATI_VERSION = '2.03';

/** The elements we write, in the order the 2.03 schema requires them. */
export const IATI_ACTIVITY_ELEMENT_ORDER = [
  'iati-identifier',
  'reporting-org',
  'title',
  'description',
  'participating-org',
  'activity-status',
  'activity-date',
  'recipient-country',
  'sector',
  'default-flow-type',
  'default-finance-type',
  'transaction',
] as const;
export const IATI_TRANSACTION_ELEMENT_ORDER = ['transaction-type', 'transaction-date', 'value'] as const;

/** IATI codelists used (portfolio.md). */
export const IATI_CODES = {
  /** OrganisationRole: 1 Funding, 4 Implementing. */
  roleFunding: '1',
  roleImplementing: '4',
  /** ActivityStatus: 1 Pipeline/identification, 2 Implementation, 4 Closed. */
  statusPipeline: '1',
  statusImplementation: '2',
  statusClosed: '4',
  /** ActivityDateType: 1 Planned start, 2 Actual start. */
  datePlannedStart: '1',
  dateActualStart: '2',
  /** TransactionType: 2 Outgoing Commitment, 3 Disbursement. */
  transactionCommitment: '2',
  transactionDisbursement: '3',
  /** FlowType 20: Other Official Flows. */
  flowOof: '20',
  /** SectorVocabulary 1: OECD DAC CRS purpose codes (5 digit). */
  sectorVocabularyDac5: '1',
} as const;

/** `default-finance-type` from the instrument (portfolio.md). */
export const IATI_FINANCE_TYPE: Readonly<Record<Instrument, string>> = Object.freeze({
  senior_loan: '421',
  subordinated_loan: '431',
  equity: '510',
  guarantee: '1100',
  political_risk_insurance: '1100',
  first_loss: '433',
});

/**
 * DAC 5 sector (portfolio.md): extraction 32264 non-ferrous metals, 32265 for gold and silver,
 * 32266 for graphite; processing, refining and recycling 32170 non-ferrous metal industries.
 */
export function iatiSectorCode(segment: ValueChainSegment, mineral: Mineral): string {
  if (segment !== 'extraction') return '32170';
  if (mineral === 'gold' || mineral === 'silver') return '32265';
  if (mineral === 'graphite') return '32266';
  return '32264';
}

/** The reporting organisation (`FORGE_IATI_ORG_REF`, `FORGE_IATI_ORG_TYPE`, `FORGE_IATI_ORG_NAME`). */
export interface IatiReportingOrg {
  ref: string;
  type: string;
  name: string;
}

/** What one activity is made of (the caller takes the texts from the disclosure package). */
export interface IatiActivityFact {
  reference: string;
  stage: string;
  title: string;
  description: string;
  country: string;
  mineral: Mineral;
  valueChainSegment: ValueChainSegment;
  instrument: Instrument;
  forgeAmountUsd: number;
  sponsorName: string;
  /** The co-financiers of its financing structure, one per organisation, whatever their lines' status (role 1, funding). */
  cofinanciers: readonly { name: string }[];
  /** ISO 8601 instant of the committee's approval. */
  approvedAt: string;
  /** ISO 8601 instant of financial close; `null` before. */
  financedAt: string | null;
  /** Disbursements (monitoring.md), each a type 3 transaction; empty until monitoring lands. */
  disbursements: readonly { amountUsd: number; valueDate: string }[];
}

export interface IatiDocumentArgs {
  reportingOrg: IatiReportingOrg;
  /** The clock (ISO 8601): `generated-datetime`. */
  generatedAt: string;
  activities: readonly IatiActivityFact[];
}

const REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
// Characters XML 1.0 cannot carry (C0 controls other than tab, newline, carriage return; FFFE/FFFF; lone surrogates).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(value: string): string {
  return value.replace(NOT_XML_CHAR, '');
}

function isoInstant(value: string, field: string): string {
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new DomainError('IATI.INVALID_FACTS', `${field} is not an ISO 8601 date`, [
      { field, message: value },
    ]);
  }
  return new Date(ms).toISOString();
}

/** The UTC calendar date of an instant (`xsd:date`). */
function isoDate(value: string, field: string): string {
  return isoInstant(value, field).slice(0, 10);
}

/** Seconds precision, `Z`: `2026-11-01T09:30:00Z`. */
function isoDateTime(value: string, field: string): string {
  return `${isoInstant(value, field).slice(0, 19)}Z`;
}

type XmlNode = Record<string, unknown>;

function element(name: string, attributes: Record<string, string>, children: XmlNode[] = []): XmlNode {
  const node: XmlNode = { [name]: children };
  const attrs = Object.entries(attributes);
  if (attrs.length > 0) node[':@'] = Object.fromEntries(attrs.map(([k, v]) => [`@_${k}`, xmlText(v)]));
  return node;
}

function text(value: string): XmlNode {
  return { '#text': xmlText(value) };
}

function narrative(value: string): XmlNode {
  return element('narrative', {}, [text(value)]);
}

/** The activity status of a stage: approved 1, financed and later 2, repaid or written off 4. */
export function iatiActivityStatus(stage: string): string {
  if (stage === 'repaid' || stage === 'written_off') return IATI_CODES.statusClosed;
  const bucket = portfolioBucket(stage);
  if (bucket === 'committed') return IATI_CODES.statusPipeline;
  if (bucket === 'financed') return IATI_CODES.statusImplementation;
  throw new DomainError('IATI.NOT_PUBLISHABLE', `an application in ${stage} is not published to IATI`);
}

/** Whether an application is published (approved, or financed and later). */
export function iatiPublishable(stage: string): boolean {
  const bucket = portfolioBucket(stage);
  return bucket === 'committed' || bucket === 'financed';
}

function assertAmount(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new DomainError('IATI.INVALID_FACTS', `${field} must be a non-negative integer`, [
      { field, message: String(value) },
    ]);
  }
}

function activityNodes(org: IatiReportingOrg, fact: IatiActivityFact): XmlNode {
  assertAmount(fact.forgeAmountUsd, 'forgeAmountUsd');
  if (!REF.test(fact.reference)) {
    throw new DomainError('IATI.INVALID_FACTS', 'an application reference cannot form an IATI identifier', [
      { field: 'reference', message: fact.reference },
    ]);
  }
  const approvedOn = isoDate(fact.approvedAt, 'approvedAt');
  const children: XmlNode[] = [
    element('iati-identifier', {}, [text(`${org.ref}-${fact.reference}`)]),
    element('reporting-org', { ref: org.ref, type: org.type }, [narrative(org.name)]),
    element('title', {}, [narrative(fact.title)]),
    element('description', {}, [narrative(fact.description)]),
    element('participating-org', { ref: org.ref, role: IATI_CODES.roleFunding, type: org.type }, [
      narrative(org.name),
    ]),
    element('participating-org', { role: IATI_CODES.roleImplementing }, [narrative(fact.sponsorName)]),
    ...fact.cofinanciers.map((c) =>
      element('participating-org', { role: IATI_CODES.roleFunding }, [narrative(c.name)]),
    ),
    element('activity-status', { code: iatiActivityStatus(fact.stage) }),
    element('activity-date', { type: IATI_CODES.datePlannedStart, 'iso-date': approvedOn }),
  ];
  if (fact.financedAt !== null) {
    children.push(
      element('activity-date', {
        type: IATI_CODES.dateActualStart,
        'iso-date': isoDate(fact.financedAt, 'financedAt'),
      }),
    );
  }
  children.push(
    element('recipient-country', { code: fact.country, percentage: '100' }),
    element('sector', {
      vocabulary: IATI_CODES.sectorVocabularyDac5,
      code: iatiSectorCode(fact.valueChainSegment, fact.mineral),
    }),
    element('default-flow-type', { code: IATI_CODES.flowOof }),
    element('default-finance-type', { code: IATI_FINANCE_TYPE[fact.instrument] }),
    transaction(IATI_CODES.transactionCommitment, approvedOn, fact.forgeAmountUsd),
  );
  fact.disbursements.forEach((d, i) => {
    assertAmount(d.amountUsd, `disbursements[${i}].amountUsd`);
    const on = isoDate(d.valueDate, `disbursements[${i}].valueDate`);
    children.push(transaction(IATI_CODES.transactionDisbursement, on, d.amountUsd));
  });
  return element('iati-activity', { 'xml:lang': 'en', 'default-currency': 'USD' }, children);
}

function transaction(type: string, on: string, amountUsd: number): XmlNode {
  return element('transaction', {}, [
    element('transaction-type', { code: type }),
    element('transaction-date', { 'iso-date': on }),
    element('value', { 'value-date': on }, [text(String(amountUsd))]),
  ]);
}

/**
 * The `iati-activities` document: `version="2.03"`, `generated-datetime` from the clock, one
 * activity per approved or financed application ordered by reference (others are left out).
 */
export function buildIatiActivities(args: IatiDocumentArgs): string {
  const org = args.reportingOrg;
  if (!REF.test(org.ref) || !/^\d{1,3}$/.test(org.type) || org.name.trim() === '') {
    throw new DomainError('IATI.INVALID_CONFIG', 'the IATI reporting organisation is misconfigured', [
      { field: 'FORGE_IATI_ORG_REF', message: 'letters, digits, dot, hyphen, underscore' },
      { field: 'FORGE_IATI_ORG_TYPE', message: 'an OrganisationType code (e.g. 40)' },
    ]);
  }
  const activities = args.activities
    .filter((a) => iatiPublishable(a.stage))
    .sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0))
    .map((a) => activityNodes(org, a));
  const tree: XmlNode[] = [
    { '?xml': [{ '#text': '' }], ':@': { '@_version': '1.0', '@_encoding': 'UTF-8' } },
    element(
      'iati-activities',
      { version: IATI_VERSION, 'generated-datetime': isoDateTime(args.generatedAt, 'generatedAt') },
      activities,
    ),
  ];
  const builder = new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
  });
  return `${String(builder.build(tree)).trim()}\n`;
}
