/**
 * What queries and commands answer: read models of the stored application and what hangs off it. The HTTP
 * layer presents them (whitelisting fields); nothing here is an ORM entity.
 */
export type {
  ApplicationAggregate,
  ApplicationRecord,
  ApplicationSummaryRow,
  CheckRecord,
  ConditionRecord,
  DispositionRecord,
  DocumentRecord,
  InformationRequestRecord,
  LatestAssessment,
  VoteRecord,
  OrganizationRecord,
  RoleRequestRecord,
  RoleRequestStatus,
  UserRecord,
} from '@forge/persistence';
