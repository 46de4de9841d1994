import { readCondition, type AccessCondition, type Actor } from '@forge/domain';

/** The columns of the application row the read rule looks at, as the query names them. */
export interface AccessColumns {
  /** The application's id column (the co-financing lines are looked up by it). */
  id: string;
  organizationId: string;
  stage: string;
  committeeRound: string;
}

export const APPLICATION_ACCESS_COLUMNS: AccessColumns = {
  id: 'a.id',
  organizationId: 'a.organization_id',
  stage: 'a.stage',
  committeeRound: 'a.committee_round',
};

function compile(
  condition: AccessCondition,
  actor: Actor,
  columns: AccessColumns,
  params: unknown[],
): string {
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  switch (condition.kind) {
    case 'everything':
      return 'TRUE';
    case 'nothing':
      return 'FALSE';
    case 'own_organization':
      return actor.organizationId === null
        ? 'FALSE'
        : `${columns.organizationId} = ${param(actor.organizationId)}::uuid`;
    case 'stage_in':
      return `${columns.stage} = ANY(${param([...condition.stages])}::text[])`;
    case 'reached_committee':
      return `${columns.committeeRound} > 0`;
    case 'cofinanced_by_own_organization':
      return actor.organizationId === null
        ? 'FALSE'
        : `EXISTS (SELECT 1 FROM cofinancing_lines cl WHERE cl.application_id = ${columns.id} AND cl.organization_id = ${param(actor.organizationId)}::uuid)`;
    case 'all_of':
      return `(${condition.conditions.map((c) => compile(c, actor, columns, params)).join(' AND ') || 'TRUE'})`;
    case 'any_of':
      return `(${condition.conditions.map((c) => compile(c, actor, columns, params)).join(' OR ') || 'FALSE'})`;
    default: {
      const unknown: never = condition;
      throw new Error(`unknown access condition ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The read rule (`READ_ACCESS` in libs/domain) as a SQL predicate over an application row: the same table the
 * in-memory `canReadApplication` evaluates, compiled here. It appends its parameters to `params`.
 */
export function accessPredicateSql(
  actor: Actor,
  params: unknown[],
  columns: AccessColumns = APPLICATION_ACCESS_COLUMNS,
): string {
  return compile(readCondition(actor), actor, columns, params);
}
