import { expect } from '@jest/globals';

/**
 * IATI 2.03 element order, for the tests of the IATI file (the pure mapping's spec and the public route's e2e).
 *
 * Written from `iati-activities-schema.xsd` 2.03 (the `iati-activity` sequence, restricted to the elements
 * portfolio.md maps), not imported from the mapping's own `IATI_ACTIVITY_ELEMENT_ORDER`: a wrong constant there
 * must fail here.
 */
const ACTIVITY_SEQUENCE = [
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
const TRANSACTION_SEQUENCE = ['transaction-type', 'transaction-date', 'value'];

/** How many times each repeatable element appears in one activity (the others appear once). */
export interface IatiRepeats {
  participatingOrgs: number;
  activityDates: number;
  transactions: number;
}

/** A node as fast-xml-parser's `preserveOrder` mode gives it: `{ [name]: children[], ':@'?: attributes }`. */
type OrderedNode = Record<string, unknown>;
const nameOf = (node: OrderedNode): string => Object.keys(node).find((key) => key !== ':@') ?? '';
const elementsOf = (node: OrderedNode): OrderedNode[] =>
  ((node[nameOf(node)] as OrderedNode[] | undefined) ?? []).filter((child) => nameOf(child) !== '#text');

/**
 * Asserts one parsed `iati-activity`: exactly the mapped elements, in the 2.03 sequence, with `repeats` of the
 * repeatable ones; and inside every transaction, type, date and value in that order.
 */
export function expectIatiActivityElements(activity: OrderedNode, repeats: IatiRepeats): void {
  const count: Partial<Record<(typeof ACTIVITY_SEQUENCE)[number], number>> = {
    'participating-org': repeats.participatingOrgs,
    'activity-date': repeats.activityDates,
    transaction: repeats.transactions,
  };
  const children = elementsOf(activity);
  expect(children.map(nameOf)).toEqual(
    ACTIVITY_SEQUENCE.flatMap((name) => Array<string>(count[name] ?? 1).fill(name)),
  );
  for (const transaction of children.filter((child) => nameOf(child) === 'transaction')) {
    expect(elementsOf(transaction).map(nameOf)).toEqual(TRANSACTION_SEQUENCE);
  }
}
