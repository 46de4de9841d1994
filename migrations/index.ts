import { CreateOutbox1790000000000 } from './1790000000000-create-outbox.js';
import { CreateAuditTrail1790000001000 } from './1790000001000-create-audit-trail.js';
import { CreateCoreSchema1790000002000 } from './1790000002000-create-core-schema.js';
import { ApplicationScreeningRequest1790000030000 } from './1790000030000-application-screening-request.js';
import { PostCloseMonitoring1795968041604 } from './1795968041604-post-close-monitoring.js';
import { Portfolio1795969023696 } from './1795969023696-portfolio.js';
import { UserSessions1795969437237 } from './1795969437237-user-sessions.js';
import { DeadlinesNotifications1795969905166 } from './1795969905166-deadlines-notifications.js';
import { AuditStatus1795970871297 } from './1795970871297-audit-status.js';
import { AccountLifecycle1795974193707 } from './1795974193707-account-lifecycle.js';
import { LoginThrottles1795974722151 } from './1795974722151-login-throttles.js';
import { DocumentQuotas1795979539328 } from './1795979539328-document-quotas.js';
import { DomainListConstraints1795981786280 } from './1795981786280-domain-list-constraints.js';
import { CommitteeRounds1795982502518 } from './1795982502518-committee-rounds.js';
import { AuditActorName1795984223040 } from './1795984223040-audit-actor-name.js';
import { AuditCanonicalBytes1795984233328 } from './1795984233328-audit-canonical-bytes.js';
import { CheckStagesAfterScreening1795984244028 } from './1795984244028-check-stages-after-screening.js';
import { PortfolioConcentrationCheck1795984297629 } from './1795984297629-portfolio-concentration-check.js';
import { OutboxTraceContext1795990891814 } from './1795990891814-outbox-trace-context.js';
import { SecondFactorAndOidc1795990927733 } from './1795990927733-second-factor-and-oidc.js';
import { ActivateForgeRrs1101795990932559 } from './1795990932559-activate-forge-rrs-1-1-0.js';
import { AuditSequencer1795990954821 } from './1795990954821-audit-sequencer.js';
import { ListSearchIndexes1795993071522 } from './1795993071522-list-search-indexes.js';
import { BusinessDaysFunction1795993872000 } from './1795993872000-business-days-function.js';
import { CheckReevaluateApproval1795994192067 } from './1795994192067-check-reevaluate-approval.js';
import { StoredDueTimes1796002436999 } from './1796002436999-stored-due-times.js';
import { UsersChangedNotify1796002722055 } from './1796002722055-users-changed-notify.js';
import { ReferenceSequence1796013471376 } from './1796013471376-reference-sequence.js';
import { ApplicationSearch1796025680657 } from './1796025680657-application-search.js';

/** Every migration, in order. Explicit imports: ESM builds and Jest both see the same list. */

export const MIGRATIONS = [
  CreateOutbox1790000000000,
  CreateAuditTrail1790000001000,
  CreateCoreSchema1790000002000,
  ApplicationScreeningRequest1790000030000,
  PostCloseMonitoring1795968041604,
  Portfolio1795969023696,
  UserSessions1795969437237,
  DeadlinesNotifications1795969905166,
  AuditStatus1795970871297,
  AccountLifecycle1795974193707,
  LoginThrottles1795974722151,
  DocumentQuotas1795979539328,
  DomainListConstraints1795981786280,
  CommitteeRounds1795982502518,
  AuditActorName1795984223040,
  AuditCanonicalBytes1795984233328,
  CheckStagesAfterScreening1795984244028,
  PortfolioConcentrationCheck1795984297629,
  OutboxTraceContext1795990891814,
  SecondFactorAndOidc1795990927733,
  ActivateForgeRrs1101795990932559,
  AuditSequencer1795990954821,
  ListSearchIndexes1795993071522,
  BusinessDaysFunction1795993872000,
  CheckReevaluateApproval1795994192067,
  StoredDueTimes1796002436999,
  UsersChangedNotify1796002722055,
  ReferenceSequence1796013471376,
  ApplicationSearch1796025680657,
];
