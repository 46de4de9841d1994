import { ApplicationSearchEntity } from './entities/application_search.entity.js';
import { ApplicationsEntity } from './entities/applications.entity.js';
import { ApprovalsEntity } from './entities/approvals.entity.js';
import { AuditCheckpointsEntity } from './entities/audit_checkpoints.entity.js';
import { AuditEventsEntity } from './entities/audit_events.entity.js';
import { AuditHeadEntity } from './entities/audit_head.entity.js';
import { AuditMerkleNodesEntity } from './entities/audit_merkle_nodes.entity.js';
import { AuditStatusEntity } from './entities/audit_status.entity.js';
import { ChecksEntity } from './entities/checks.entity.js';
import { CofinancingLinesEntity } from './entities/cofinancing_lines.entity.js';
import { CommitteeRoundsEntity } from './entities/committee_rounds.entity.js';
import { CommitteeVotesEntity } from './entities/committee_votes.entity.js';
import { ConditionsPrecedentEntity } from './entities/conditions_precedent.entity.js';
import { DeadlineEscalationsEntity } from './entities/deadline_escalations.entity.js';
import { DisbursementsEntity } from './entities/disbursements.entity.js';
import { DisclosurePackagesEntity } from './entities/disclosure_packages.entity.js';
import { DocumentsEntity } from './entities/documents.entity.js';
import { EmailMessagesEntity } from './entities/email_messages.entity.js';
import { EsapItemsEntity } from './entities/esap_items.entity.js';
import { IdempotencyKeysEntity } from './entities/idempotency_keys.entity.js';
import { InboxItemsEntity } from './entities/inbox_items.entity.js';
import { IncidentsEntity } from './entities/incidents.entity.js';
import { InformationRequestsEntity } from './entities/information_requests.entity.js';
import { LoginAttemptsEntity } from './entities/login_attempts.entity.js';
import { LoginThrottlesEntity } from './entities/login_throttles.entity.js';
import { MonitoringReportsEntity } from './entities/monitoring_reports.entity.js';
import { NotificationCursorEntity } from './entities/notification_cursor.entity.js';
import { OrganizationsEntity } from './entities/organizations.entity.js';
import { OutboxEntity } from './entities/outbox.entity.js';
import { PasswordResetTokensEntity } from './entities/password_reset_tokens.entity.js';
import { PortfolioLockEntity } from './entities/portfolio_lock.entity.js';
import { PortfolioPoliciesEntity } from './entities/portfolio_policies.entity.js';
import { ReferenceSnapshotsEntity } from './entities/reference_snapshots.entity.js';
import { RepaymentsEntity } from './entities/repayments.entity.js';
import { RiskAssessmentsEntity } from './entities/risk_assessments.entity.js';
import { RiskBandOverridesEntity } from './entities/risk_band_overrides.entity.js';
import { RoleRequestsEntity } from './entities/role_requests.entity.js';
import { ScoringJobFailuresEntity } from './entities/scoring_job_failures.entity.js';
import { ScoringModelsEntity } from './entities/scoring_models.entity.js';
import { ScreeningDispositionsEntity } from './entities/screening_dispositions.entity.js';
import { UserSessionsEntity } from './entities/user_sessions.entity.js';
import { UserTotpEntity } from './entities/user_totp.entity.js';
import { UserRecoveryCodesEntity } from './entities/user_recovery_codes.entity.js';
import { UserExternalIdentitiesEntity } from './entities/user_external_identities.entity.js';
import { UsersEntity } from './entities/users.entity.js';
import { WatchlistReasonsEntity } from './entities/watchlist_reasons.entity.js';
import { WebhookAttemptsEntity } from './entities/webhook_attempts.entity.js';
import { WebhookDeliveriesEntity } from './entities/webhook_deliveries.entity.js';
import { WebhookEndpointsEntity } from './entities/webhook_endpoints.entity.js';

/**
 * Every table as a TypeORM `EntitySchema` with its row type, registered explicitly (no globs: the same list works
 * in dist/ and under Jest). `schema_migrations` is TypeORM's own. test/integration/schema/entities.spec.ts fails
 * when these and the schema the migrations build disagree (tables, columns, types, nullability, primary keys).
 */
export const ENTITIES = [
  ApplicationSearchEntity,
  ApplicationsEntity,
  ApprovalsEntity,
  AuditCheckpointsEntity,
  AuditEventsEntity,
  AuditHeadEntity,
  AuditMerkleNodesEntity,
  AuditStatusEntity,
  ChecksEntity,
  CofinancingLinesEntity,
  CommitteeRoundsEntity,
  CommitteeVotesEntity,
  ConditionsPrecedentEntity,
  DeadlineEscalationsEntity,
  DisbursementsEntity,
  DisclosurePackagesEntity,
  DocumentsEntity,
  EmailMessagesEntity,
  EsapItemsEntity,
  IdempotencyKeysEntity,
  InboxItemsEntity,
  IncidentsEntity,
  InformationRequestsEntity,
  LoginAttemptsEntity,
  LoginThrottlesEntity,
  MonitoringReportsEntity,
  NotificationCursorEntity,
  OrganizationsEntity,
  OutboxEntity,
  PasswordResetTokensEntity,
  PortfolioLockEntity,
  PortfolioPoliciesEntity,
  ReferenceSnapshotsEntity,
  RepaymentsEntity,
  RiskAssessmentsEntity,
  RiskBandOverridesEntity,
  RoleRequestsEntity,
  ScoringJobFailuresEntity,
  ScoringModelsEntity,
  ScreeningDispositionsEntity,
  UserSessionsEntity,
  UserTotpEntity,
  UserRecoveryCodesEntity,
  UserExternalIdentitiesEntity,
  UsersEntity,
  WatchlistReasonsEntity,
  WebhookAttemptsEntity,
  WebhookDeliveriesEntity,
  WebhookEndpointsEntity,
];
