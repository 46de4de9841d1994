import type { components } from './schema.gen';

/** The answers the console reads, by their schema in the API's OpenAPI document (generated types). */
export type Schemas = components['schemas'];
export type ApplicationInput = Schemas['ApplicationInputDto'];
export type ApplicationView = Schemas['ApplicationViewResponseDto'];
/** What a sponsor is served instead (pipeline.md "What a sponsor sees"): its own schema, no deliberation. */
export type SponsorApplicationView = Schemas['SponsorApplicationViewResponseDto'];
export type SponsorApplicationSummary = Schemas['SponsorApplicationSummaryResponseDto'];
export type SponsorTimelineEntry = Schemas['SponsorTimelineEntryResponseDto'];
export type SponsorDocumentView = Schemas['SponsorDocumentResponseDto'];
export type ApplicationSummary = Schemas['ApplicationSummaryResponseDto'];
export type ApplicationPage = Schemas['ApplicationListResponseDto'];
export type CheckView = Schemas['CheckResponseDto'];
export type ScreeningView = Schemas['ScreeningResponseDto'];
export type ScreeningParty = Schemas['ScreeningPartyResponseDto'];
export type InformationRequestView = Schemas['InformationRequestResponseDto'];
export type PendingApprovalView = Schemas['PendingApprovalResponseDto'];
export type DocumentView = Schemas['DocumentResponseDto'];
export type UploadedDocument = Schemas['UploadedDocumentResponseDto'];
export type FinancingView = Schemas['FinancingResponseDto'];
export type RiskAssessmentView = Schemas['LatestRiskAssessmentResponseDto'];
export type CommitteeView = Schemas['CommitteeResponseDto'];
export type ConditionView = Schemas['ConditionPrecedentResponseDto'];
/** An event of a trail page: sequenced, or still pending (seq, prevHash and hash null). */
export type AuditEvent = Schemas['AuditTrailEventDto'];
export type AuditEventPage = Schemas['AuditEventPageDto'];
export type Stage = Schemas['Stage'];
export type RiskBand = Schemas['RiskBand'];
