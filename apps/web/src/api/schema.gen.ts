/**
 * Generated from the API's OpenAPI document by `npm run api:client` (openapi-typescript): do not edit.
 * CI regenerates it (npm run api:client -- --check, in .ci/run) and fails when it differs.
 */

export type paths = {
  '/api/v1/admin/organizations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every organisation (oldest first, at most 500) */
    get: operations['AdminController_listOrganizations'];
    put?: never;
    /** Register a sponsor organisation */
    post: operations['AdminController_createOrganization'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/portfolio-policies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every portfolio policy version, the active one flagged (admins) */
    get: operations['PortfolioPolicyController_list'];
    put?: never;
    /** Propose a new policy version (a second admin approves it before it applies) */
    post: operations['PortfolioPolicyController_propose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/portfolio-policies/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve a proposed version (not its proposer): it becomes the active policy */
    post: operations['PortfolioPolicyController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/portfolio-policies/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject a proposed version (not its proposer): kept on record, never applied */
    post: operations['PortfolioPolicyController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/reference/sanctions-lists': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Load a sanctions list (OFAC SDN legacy CSV); it becomes the active list and re-screens every application not terminal
     * @description The body may be as large as MAX_UPLOAD_BYTES (default 20 MiB) on this route. Every application received and not terminal (financed, disbursing and monitoring projects included) is queued for re-screening in the same transaction.
     */
    post: operations['ReferenceController_uploadSanctionsList'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/reference/sanctions-lists/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Preview a sanctions list before loading it: the entries it adds, removes and changes against the active list (admins only; nothing is written)
     * @description The same body and parsing as the upload (same refusals), up to MAX_UPLOAD_BYTES. Entries are matched by ent_num; each list of entries holds at most 500 items (`truncated`), the counts are complete.
     */
    post: operations['ReferenceController_previewSanctionsList'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/role-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Role grants by status (default: pending, the four-eyes inbox), oldest first */
    get: operations['AdminController_listRoleRequests'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/role-requests/{requestId}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a role grant (a second admin: not the one who asked, not the user concerned)
     * @description Applies the roles: `user.roles_changed` naming the request and both admins; the user signs in again.
     */
    post: operations['AdminController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/role-requests/{requestId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a role grant (any other admin; the admin who asked may withdraw it)
     * @description Writes `user.role_change_rejected`; the roles stay as they are.
     */
    post: operations['AdminController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/scoring/models/{version}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Activate a model version: audited; current assessments become stale; open applications re-queued */
    post: operations['RiskController_activate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every user (oldest first, at most 500), with any role grant awaiting approval */
    get: operations['AdminController_listUsers'];
    put?: never;
    /**
     * Create a user (password stored with Argon2id)
     * @description The roles are granted at once, except those of ROLE_GRANT_APPROVAL (admin by default): asking for one creates the account with no role and a pending role request (`pendingRoleRequest`) that a second admin approves. Admin is never combined with officer or committee.
     */
    post: operations['AdminController_createUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One user */
    get: operations['AdminController_getUser'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{userId}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Disable an account: its sessions and tokens are refused from the next request on
     * @description Writes `user.disabled`. An admin cannot disable their own account.
     */
    post: operations['AdminController_disable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{userId}/enable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Enable a disabled account (`user.enabled`); the user signs in again */
    post: operations['AdminController_enable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{userId}/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set a user's roles
     * @description A change that grants no role of ROLE_GRANT_APPROVAL (admin by default; officer and committee when the installation says so) applies at once: 200, `user.roles_changed`, the user signs in again. Granting one creates a pending role request: 202, `user.role_change_requested`; a second admin approves it. Admin is never combined with officer or committee.
     */
    put: operations['AdminController_changeRoles'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/users/{userId}/totp/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Remove a user's second factor (lost device): their sessions and tokens end, they enrol again
     * @description Writes `user.totp_reset`. An admin cannot reset their own.
     */
    post: operations['SecondFactorController_reset'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Registered endpoints (never their secrets) */
    get: operations['WebhooksController_list'];
    put?: never;
    /** Register an endpoint: { url, events } (audit actions or *); returns the whsec_ secret once */
    post: operations['WebhooksController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The delivery log of an endpoint, newest first, each with its attempts */
    get: operations['WebhooksController_deliveries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send a delivered or dead-lettered message again (same webhook-id, new 24 h window) */
    post: operations['WebhooksController_redeliver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/admin/webhooks/{id}/disable': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Stop queuing deliveries for an endpoint (idempotent) */
    post: operations['WebhooksController_disable'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List applications (keyset pagination, newest first) */
    get: operations['ApplicationsController_list'];
    put?: never;
    /** Create a draft application (sponsor) */
    post: operations['ApplicationsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The application view */
    get: operations['ApplicationsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Edit a draft (JSON merge patch of the application input) */
    patch: operations['ApplicationsController_patch'];
    trace?: never;
  };
  '/api/v1/applications/{id}/assign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Assign an officer */
    post: operations['ApplicationsController_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/audit-trail': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The application’s events in seq order (keyset: afterSeq, limit ≤ 500) */
    get: operations['ApplicationAuditController_auditTrail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/category': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Confirm or change the E&S category (a downgrade needs maker-checker) */
    post: operations['ReviewController_category'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/checks/{code}/resolve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Resolve a needs_review check (pass/fail), or propose a waiver (maker-checker) */
    post: operations['ReviewController_resolveCheck'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/cofinancing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An application's co-financing lines, private direct mobilisation and ratio */
    get: operations['CofinancingController_view'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/cofinancing/commit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** A partner moves its organisation's line from indicated to committed (audited) */
    post: operations['CofinancingController_commit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/committee/pack': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The IC pack frozen when the latest committee round opened (what members vote on)
     * @description Officers, committee members (applications in committee and later), auditors and admins; never sponsors. The body is exactly the snapshot frozen on entering committee (pipeline.md): the SHA-256 of its RFC 8785 canonical JSON is the hash recorded in the audit event of the move into committee (`committee.icPackHash` in the application view). Documents added after the round opened are not in it. The round, the time it was frozen and its hash come as headers.
     */
    get: operations['CommitteeController_pack'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/committee/votes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Vote (approve, reject, abstain) or declare a conflict of interest */
    post: operations['CommitteeController_vote'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/conditions/{cpId}/satisfy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Propose that a condition precedent is satisfied (maker-checker) */
    post: operations['CommitteeController_satisfy'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/covenants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The covenants each annual report is tested against */
    get: operations['ProjectMonitoringController_covenants'];
    /** Record the covenants of the financing structure (financing onward, not in committee) */
    put: operations['ProjectMonitoringController_setCovenants'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/disbursements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tranches with balances, disbursements, repayments and what is outstanding */
    get: operations['MonitoringController_view'];
    put?: never;
    /** Request a disbursement { trancheId?, amountUsd } */
    post: operations['MonitoringController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/disbursements/{did}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Decline a requested disbursement, with a reason */
    post: operations['MonitoringController_decline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/disbursements/{did}/propose': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Propose a requested disbursement (guard disbursement.conditions); a second officer approves it */
    post: operations['MonitoringController_propose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/disclosure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every version of the disclosure package (officers, committee, auditors, admins)
     * @description Readers of the application (the one read rule; 404 otherwise); `latest` is null before the first.
     */
    get: operations['DisclosureController_history'];
    put?: never;
    /**
     * Publish (or amend: a new version) the disclosure package (stages esg_review to committee)
     * @description The package summarises the investment as the application stands (sponsor, location, mineral, segment, FORGE amount and instrument, category) with the officer's summary and, for categories A, B and FI, an E&S review summary; the documents listed become public. Every version is kept and audited; a package is never withdrawn.
     */
    post: operations['DisclosureController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a document (multipart: file + kind); content checked against its declared type */
    post: operations['DocumentsController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/esap': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The ESAP items, by due date, with whether each is overdue now */
    get: operations['ProjectMonitoringController_esap'];
    put?: never;
    /** Create an ESAP item { description, standard PS1–PS8, dueDate } (esg_review onward) */
    post: operations['ProjectMonitoringController_createEsap'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/esap/{itemId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Update an ESAP item’s status, evidence or note (the sponsor, or an officer) */
    patch: operations['ProjectMonitoringController_updateEsap'];
    trace?: never;
  };
  '/api/v1/applications/{id}/esap/{itemId}/review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify a done ESAP item, or return it with a note */
    post: operations['ProjectMonitoringController_reviewEsap'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/financing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Record the financing structure (stage financing); queues a risk assessment */
    put: operations['ReviewController_financing'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/incidents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The incidents, latest first, with updates */
    get: operations['ProjectMonitoringController_incidents'];
    put?: never;
    /** Report an incident; a serious one (severity 3, fatality, tailings) is due within 3 days and goes on the watchlist */
    post: operations['ProjectMonitoringController_reportIncident'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/incidents/{incidentId}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close an incident with a note */
    post: operations['ProjectMonitoringController_closeIncident'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/incidents/{incidentId}/updates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a root cause, corrective action or note to an open incident */
    post: operations['ProjectMonitoringController_updateIncident'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/information-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask the sponsor a question (blocks moves until answered) */
    post: operations['ReviewController_openInformationRequest'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/information-requests/{rid}/answer': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer an information request, optionally amending the input (re-screens and re-scores) */
    post: operations['ReviewController_answer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/monitoring-reports': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The annual monitoring reports with their figures and covenant results, by year */
    get: operations['ProjectMonitoringController_reports'];
    put?: never;
    /** File the annual monitoring report of a year { documentId, figures }: covenants tested, breaches to the watchlist */
    post: operations['ProjectMonitoringController_submitAmr'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/proof-bundle': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every event of the application with its inclusion proof against the latest signed checkpoint, the key, and the risk assessments with their inputs */
    get: operations['ApplicationAuditController_proofBundle'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/repayments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a repayment { amountUsd, valueDate } (Σ repaid ≤ Σ disbursed) */
    post: operations['MonitoringController_repay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/risk-assessments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An application's risk assessments, newest first, each with `current` */
    get: operations['RiskController_list'];
    put?: never;
    /** Queue a fresh assessment of today's inputs under the active model */
    post: operations['RiskController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/risk-jobs/failures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Failed scoring jobs of an application with their reason (unscorable inputs, exhausted retries) */
    get: operations['RiskController_failures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/screening/dispositions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Dispose a potential sanctions match: true match at once, false positive via maker-checker */
    post: operations['ReviewController_disposition'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Submit a complete draft; queues screening and the first risk assessment */
    post: operations['ApplicationsController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/tranches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Record the tranches of the financing structure (before the first disbursement) */
    put: operations['MonitoringController_setTranches'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/transitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move the application (advance, reject, defer, close) */
    post: operations['ApplicationsController_transition'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/watchlist': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether the project is on the watchlist, with every reason (active and cleared) */
    get: operations['ProjectMonitoringController_watchlistView'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/watchlist/clear': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Clear an active watchlist reason { reasonId, note } */
    post: operations['ProjectMonitoringController_clearWatchlist'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Withdraw (any stage before approved) */
    post: operations['ApplicationsController_withdraw'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/applications/{id}/write-off': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Propose writing the project off (maker-checker application.write_off) */
    post: operations['MonitoringController_writeOff'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/approvals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The maker-checker inbox (default: pending), oldest first */
    get: operations['ApprovalsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/approvals/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve (not the maker): the effect is applied in the same transaction */
    post: operations['ApprovalsController_approve'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/approvals/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Reject (not the maker): the item is kept with status rejected */
    post: operations['ApprovalsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/checkpoints': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign a checkpoint over the whole trail now (returns the latest if it covers everything) */
    post: operations['AuditController_createCheckpoint'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/checkpoints/latest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest signed Merkle checkpoint */
    get: operations['AuditController_latest'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/consistency-proof': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** RFC 9162 consistency proof between the trees of sizes from and to */
    get: operations['AuditController_consistencyProof'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Events in seq order, filtered, keyset-paginated (afterSeq, limit ≤ 500) */
    get: operations['AuditController_events'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/events/{seq}/inclusion-proof': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** RFC 9162 inclusion proof of one event (default treeSize: the latest checkpoint’s) */
    get: operations['AuditController_inclusionProof'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Stream the trail as JSONL (one hashed record per line) or CSV, in seq order, without buffering */
    get: operations['AuditController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/public-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The Ed25519 public key that signs checkpoints (SPKI PEM) */
    get: operations['AuditController_publicKey'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recompute the whole hash chain (streamed in seq batches), reproduce the root of every signed checkpoint (database and log file), compare the two series, and list alarms */
    get: operations['AuditController_verify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Where the identity provider sends the browser back: opens the console session
     * @description Exchanges the code (PKCE), verifies the ID token, maps the groups to roles (OIDC_ROLE_MAPPING), finds or creates the account, sets `forge_session` as POST /auth/session does and redirects to OIDC_POST_SIGN_IN_URL. A refusal redirects to the console sign-in page /login with `?signInError=<code>` (AUTH.OIDC_NO_ROLE, AUTH.OIDC_ROLES_CONFLICT, AUTH.OIDC_FAILED, AUTH.INVALID_CREDENTIALS).
     */
    get: operations['OidcController_callback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/oidc/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Start signing in with the organisation's identity provider (OpenID Connect, code flow + PKCE)
     * @description Redirects the browser to the provider and sets the `forge_oidc` cookie (state, nonce and PKCE verifier, signed, HttpOnly, SameSite=Lax, 10 minutes).
     */
    get: operations['OidcController_start'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/password-reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Set a new password with a one-time reset token
     * @description The token comes from `npm run cli -- users:reset-password` (by email once notifications exist). It works once, for PASSWORD_RESET_TTL_SECONDS; every session and token of the account ends.
     */
    post: operations['AuthController_resetPassword'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/providers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Which sign-in methods this server offers besides the password (the console asks) */
    get: operations['OidcController_providers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current console session: the user and the CSRF token (401 without a valid cookie) */
    get: operations['SessionController_current'];
    put?: never;
    /**
     * Sign in to the console: sets the forge_session cookie and answers the CSRF token
     * @description Sets `forge_session` (HttpOnly; Secure; SameSite=Strict; Path=/). A session cookie the browser already holds is ended first.
     */
    post: operations['SessionController_signIn'];
    /**
     * Sign out: ends the session on the server and clears the cookie
     * @description With a live session the x-csrf-token header is required (403 AUTH.CSRF otherwise). Without a cookie, or with one that has already ended, the cookie is cleared and the answer is 204 all the same.
     */
    delete: operations['SessionController_signOut'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Exchange email and password for a bearer token (HS256 JWT) */
    post: operations['AuthController_token'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/totp/enrolment': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start enrolling an authenticator app (TOTP): a new secret and its otpauth:// URI
     * @description Proved by the password (throttled like a sign-in). Starting again replaces a secret not yet confirmed. Writes `user.totp_enrolment_started` (never the secret).
     */
    post: operations['SecondFactorController_startEnrolment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/auth/totp/enrolment/confirm': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm the enrolment with a first code: answers the ten recovery codes, shown this once
     * @description Writes `user.totp_enrolled`. Then sign in with `code` (POST /auth/session or /auth/token). A code is accepted once: the next sign-in needs a later one.
     */
    post: operations['SecondFactorController_confirmEnrolment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cofinanciers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The cofinancier organisations an officer can name on a co-financing line (staff; not partners) */
    get: operations['CofinancingController_cofinanciers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/cofinancing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Co-financed applications the caller may read (a partner: those its organisation co-finances) */
    get: operations['CofinancingController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/documents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a document (readers of its application) */
    get: operations['DocumentsController_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The signed-in user, as the database knows them now (read on every request)
     * @description `locale`: the language of my emails (en, es, pt-BR; `PATCH /me` sets it, new accounts: en).
     */
    get: operations['AuthController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Set my email language (`locale`: en, es or pt-BR); one `user.locale_changed` event when it changes */
    patch: operations['ProfileController_update'];
    trace?: never;
  };
  '/api/v1/me/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What awaits me now (items to approve, votes, requests to answer, overdue work, watchlist changes), newest first */
    get: operations['InboxController_inbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me/inbox/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark items read (ids), or every unread item (no ids); idempotent */
    post: operations['InboxController_markRead'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/portfolio': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Envelope (committed, financed, pipeline, available), exposures against limits, funnel, category mix, framework share, risk reduced, mobilisation */
    get: operations['PortfolioController_view'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/portfolio/exposures.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One row per committed or financed application (docs/portfolio.md names the columns) */
    get: operations['PortfolioController_exposures'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/public/iati/activities.xml': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * IATI 2.03 iati-activities: one iati-activity per approved or financed application
     * @description Mapped as portfolio.md "IATI publication" says, elements in the 2.03 schema order.
     */
    get: operations['PublicController_iati'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/public/projects': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The public register: every disclosed project, exactly the fields of its latest package
     * @description No authentication. Each project: the fields of its latest disclosure package, the version and dates of disclosure, its status, the decision and its date, and links to the documents the package made public. Never beneficial owners, scores, votes, notes or anything not in a package.
     */
    get: operations['PublicController_projects'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/public/projects/{reference}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One disclosed project of the public register */
    get: operations['PublicController_project'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/public/projects/{reference}/documents/{documentId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A document the latest disclosure package made public */
    get: operations['PublicController_document'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/countries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The active countries reference data, with its snapshot hash and load time */
    get: operations['ReferenceController_countries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/minerals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The fund's active critical-minerals list, with its snapshot hash and load time */
    get: operations['ReferenceController_minerals'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/risk-assessments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One assessment: the record of scoring.md plus `current` and any approved override */
    get: operations['RiskController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/risk-assessments/{id}/override': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Propose a residual band override (maker-checker) */
    post: operations['ApprovalsController_override'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/risk-assessments/{id}/replay': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Recompute from the stored inputs under the stored model version; compare with the active model */
    post: operations['RiskController_replay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/scoring/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The scoring model registry: versions, paramsHash, which one is active */
    get: operations['RiskController_models'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: the database and the queue backend are reachable */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics: HTTP rate/errors/latency per route, queues, job times, outbox lag, audit checkpoint age, database pool, process */
    get: operations['MetricsController_metrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    AccountStatusRequestDto: {
      /** @example left the fund on 2025-06-30 */
      reason: string;
    };
    ActivatedScoringModelDto: {
      /** Format: date-time */
      activatedAt: string | null;
      /** @example true */
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description SHA-256 (hex) of the RFC 8785 JSON of the parameters
       * @example a3f1…
       */
      paramsHash: string;
      /** @example 1.0.0 */
      previousVersion: string | null;
      /**
       * @description Open applications whose re-assessment was queued
       * @example 12
       */
      queued: number;
      /** @example 1.0.0 */
      version: string;
    };
    ActiveSanctionsListDto: {
      /** @example 18000 */
      entries: number;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      loadedAt: string;
      /** @example OFAC SDN 2026-11-01 */
      name: string;
      /** @description SHA-256 of the canonical JSON of the parsed entries */
      sha256: string;
    };
    AdminUserResponseDto: {
      /** Format: date-time */
      createdAt: string;
      /** @example false */
      disabled: boolean;
      /** @example Ana Officer */
      displayName: string;
      /** @example officer@fund.example */
      email: string;
      /** Format: uuid */
      id: string;
      /**
       * @description the language of the user’s emails
       * @enum {string}
       */
      locale: 'en' | 'es' | 'pt-BR';
      /**
       * Format: uuid
       * @description Sponsor users only
       */
      organizationId: string | null;
      /** @description A role grant awaiting a second admin (officer, committee and admin need one) */
      pendingRoleRequest: components['schemas']['RoleRequestResponseDto'] | null;
      /**
       * @example [
       *       "officer"
       *     ]
       */
      roles: ('sponsor' | 'officer' | 'committee' | 'auditor' | 'admin' | 'partner')[];
      /**
       * @description A confirmed TOTP enrolment (second factor). Staff who sign in with a password need one; POST …/totp/reset removes it (409 AUTH.TOTP_NOT_ENROLLED when false)
       * @example true
       */
      totpEnrolled: boolean;
    };
    AmrFiguresDto: {
      /**
       * @description Actual DSCR, integer hundredths (1.05x = 105), 0–1000
       * @example 105
       */
      dscrActual: number;
      /** @example 0 */
      fatalities: number;
      /** @example 80000 */
      ghgScope12Tonnes: number;
      /** @example 12 */
      grievancesReceived: number;
      /** @example 11 */
      grievancesResolved: number;
      /**
       * @description Percent, up to two decimals
       * @example 72.5
       */
      localEmploymentPct: number;
      /**
       * @description Percent, up to two decimals
       * @example 31
       */
      localProcurementPct: number;
      /**
       * @description Integer hundredths
       * @example 45
       */
      lostTimeInjuryFrequency: number;
      /** @example 1200000 */
      waterWithdrawalM3: number;
      /** @example 2027 */
      year: number;
    };
    AmrFiledDto: {
      breaches: components['schemas']['CovenantResultDto'][];
      report: components['schemas']['MonitoringReportResponseDto'];
      /** @description Staff only: the watchlist reasons the breaches added */
      watchlistAdded?: components['schemas']['WatchlistReasonDto'][];
    };
    AnswerInformationRequestDto: {
      /** @description amended fields (a partial application input) */
      amendments?: components['schemas']['ApplicationInputDto'];
      /** @example Attached; we also corrected the capex figure */
      answer: string;
      /** @description documents of this application */
      documentIds?: string[];
    };
    ApplicationFinancingResponseDto: {
      /**
       * @description integer US dollars
       * @example 250000000
       */
      amountUsd: number;
      /** @description portfolio.md "Co-financing and mobilisation": every line, by organisation and instrument (staff only; a partner reads its own organisation's lines at GET /applications/{id}/cofinancing) */
      cofinancing: components['schemas']['CofinancingLineDto'][];
      /**
       * @example [
       *       "Signed offtake agreement"
       *     ]
       */
      conditionsPrecedent: string[];
      /** @description monitoring.md: the covenants each annual report is tested against (absent: the fund’s defaults) */
      covenants?: components['schemas']['CovenantDto'][];
      /**
       * @example senior_loan
       * @enum {string}
       */
      instrument:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      mitigants: components['schemas']['MitigantDto'][];
      /** @example 12 */
      tenorYears: number;
      /** @description monitoring.md: the tranches, summing to the FORGE amount (absent: one tranche on the conditions precedent) */
      tranches?: components['schemas']['FinancingTrancheDto'][];
    };
    ApplicationInputDto: {
      /**
       * @example project
       * @enum {string}
       */
      applicantType?: 'project' | 'financial_intermediary';
      /**
       * @description integer US dollars
       * @example 780000000
       */
      capexUsd?: number;
      /** @example AR */
      country?: string;
      environment?: components['schemas']['EnvironmentDto'];
      /**
       * @example usd_matched
       * @enum {string}
       */
      fxExposure?: 'usd_matched' | 'local_cost_exposure' | 'recent_controls' | 'active_controls';
      governance?: components['schemas']['GovernanceDto'];
      /**
       * @example senior_loan
       * @enum {string}
       */
      instrument?:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      location?: components['schemas']['LocationDto'];
      /**
       * @example lithium
       * @enum {string}
       */
      mineral?:
        | 'lithium'
        | 'copper'
        | 'nickel'
        | 'cobalt'
        | 'graphite'
        | 'manganese'
        | 'rare_earths'
        | 'gallium'
        | 'germanium'
        | 'antimony'
        | 'vanadium'
        | 'tungsten'
        | 'tin'
        | 'titanium'
        | 'zinc'
        | 'silver'
        | 'gold';
      /**
       * @example greenfield
       * @enum {string}
       */
      projectPhase?: 'greenfield' | 'brownfield' | 'expansion';
      /** @example Jujuy */
      region?: string;
      /**
       * @description integer US dollars
       * @example 250000000
       */
      requestedAmountUsd?: number;
      social?: components['schemas']['SocialDto'];
      sponsor?: components['schemas']['SponsorDto'];
      /** @example 25 ktpa battery-grade lithium carbonate */
      summary?: string;
      /**
       * @example complex
       * @enum {string}
       */
      technologyMaturity?: 'proven' | 'complex' | 'first_of_kind';
      /** @example 12 */
      tenorYears?: number;
      /** @example Puna Clara DLE lithium carbonate plant */
      title?: string;
      /**
       * @example processing
       * @enum {string}
       */
      valueChainSegment?: 'extraction' | 'processing' | 'refining' | 'recycling';
    };
    ApplicationListResponseDto: {
      /**
       * @description which list this is (a sponsor is served the sponsor list) (enum property replaced by openapi-typescript)
       * @enum {string}
       */
      audience: 'staff';
      items: components['schemas']['ApplicationSummaryResponseDto'][];
      /** @description pass as `cursor` for the next page; null at the end */
      nextCursor: string | null;
    };
    ApplicationSummaryResponseDto: {
      /** Format: uuid */
      assigneeId: string | null;
      category: components['schemas']['EsCategory'] | null;
      /** @example AR */
      country: string | null;
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @description the earliest due time of its waiting work (stage budget, committee round, information requests, maker-checker items, disbursement requests, ESAP items, annual reports); null when none has one
       */
      dueAt: string | null;
      /** Format: uuid */
      id: string;
      /** @example lithium */
      mineral: string | null;
      /** Format: uuid */
      organizationId: string;
      /** @description `dueAt` is at or before now */
      overdue: boolean;
      proposedCategory: components['schemas']['EsCategory'] | null;
      /** @example FORGE-2026-000042 */
      reference: string;
      /** @description of the latest assessment (an approved override wins) */
      residualBand: components['schemas']['RiskBand'] | null;
      stage: components['schemas']['Stage'];
      title: string | null;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    ApplicationViewResponseDto: {
      /**
       * @example project
       * @enum {string}
       */
      applicantType?: 'project' | 'financial_intermediary';
      /** Format: uuid */
      assigneeId: string | null;
      /**
       * @description which view this is (a sponsor is served the sponsor view) (enum property replaced by openapi-typescript)
       * @enum {string}
       */
      audience: 'staff';
      /**
       * @description integer US dollars
       * @example 780000000
       */
      capexUsd?: number;
      /** @description confirmed */
      category: components['schemas']['EsCategory'] | null;
      categoryRationale: string | null;
      checks: components['schemas']['CheckResponseDto'][];
      committee: components['schemas']['CommitteeResponseDto'];
      conditionsPrecedent: components['schemas']['ConditionPrecedentResponseDto'][];
      /** @example AR */
      country?: string;
      /** Format: date-time */
      createdAt: string;
      documents: components['schemas']['DocumentResponseDto'][];
      environment?: components['schemas']['EnvironmentDto'];
      /** @description recorded in stage financing, with its co-financing lines */
      financing: components['schemas']['ApplicationFinancingResponseDto'] | null;
      /**
       * @example usd_matched
       * @enum {string}
       */
      fxExposure?: 'usd_matched' | 'local_cost_exposure' | 'recent_controls' | 'active_controls';
      governance?: components['schemas']['GovernanceDto'];
      /** Format: uuid */
      id: string;
      informationRequests: components['schemas']['InformationRequestResponseDto'][];
      /**
       * @example senior_loan
       * @enum {string}
       */
      instrument?:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      latestRiskAssessment: components['schemas']['LatestRiskAssessmentResponseDto'] | null;
      location?: components['schemas']['LocationDto'];
      /**
       * @example lithium
       * @enum {string}
       */
      mineral?:
        | 'lithium'
        | 'copper'
        | 'nickel'
        | 'cobalt'
        | 'graphite'
        | 'manganese'
        | 'rare_earths'
        | 'gallium'
        | 'germanium'
        | 'antimony'
        | 'vanadium'
        | 'tungsten'
        | 'tin'
        | 'titanium'
        | 'zinc'
        | 'silver'
        | 'gold';
      /** Format: uuid */
      organizationId: string;
      pendingApprovals: components['schemas']['PendingApprovalResponseDto'][];
      /**
       * @example greenfield
       * @enum {string}
       */
      projectPhase?: 'greenfield' | 'brownfield' | 'expansion';
      /** @description by screening */
      proposedCategory: components['schemas']['EsCategory'] | null;
      /** @example FORGE-2026-000042 */
      reference: string;
      /** @example Jujuy */
      region?: string;
      /**
       * @description integer US dollars
       * @example 250000000
       */
      requestedAmountUsd?: number;
      /** @description GET only, staff (as latestRiskAssessment): the assessment the committee approved on (committee.icAssessmentId), beside latestRiskAssessment, risk now (after close: from the latest annual report); both replayable at /risk-assessments/{id}/replay */
      riskAtApproval?: components['schemas']['LatestRiskAssessmentResponseDto'] | null;
      /** @description null before screening */
      screening: components['schemas']['ScreeningResponseDto'] | null;
      social?: components['schemas']['SocialDto'];
      sponsor?: components['schemas']['SponsorDto'];
      /** @example draft */
      stage: components['schemas']['Stage'];
      /** Format: date-time */
      submittedAt: string | null;
      /** @example 25 ktpa battery-grade lithium carbonate */
      summary?: string;
      /**
       * @example complex
       * @enum {string}
       */
      technologyMaturity?: 'proven' | 'complex' | 'first_of_kind';
      /** @example 12 */
      tenorYears?: number;
      /** @example Puna Clara DLE lithium carbonate plant */
      title?: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * @example processing
       * @enum {string}
       */
      valueChainSegment?: 'extraction' | 'processing' | 'refining' | 'recycling';
      /**
       * @description optimistic-concurrency version (expectedVersion / If-Match)
       * @example 1
       */
      version: number;
    };
    /** @enum {string} */
    ApprovalAction:
      | 'check.waive'
      | 'screening.false_positive'
      | 'category.downgrade'
      | 'risk.override'
      | 'condition.satisfy'
      | 'disbursement.release'
      | 'application.write_off'
      | 'check.reevaluate';
    ApprovalDecisionDto: {
      /** @example Evidence reviewed */
      note: string;
    };
    ApprovalListResponseDto: {
      items: components['schemas']['ApprovalResponseDto'][];
    };
    ApprovalResponseDto: {
      action: components['schemas']['ApprovalAction'];
      /** Format: uuid */
      applicationId: string;
      /**
       * @description in the inbox
       * @example FORGE-2026-000042
       */
      applicationReference?: string;
      /** Format: uuid */
      checkerId: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      decidedAt: string | null;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      makerId: string;
      note: string | null;
      /** @description what takes effect on approval (outcome, band, evidence …) */
      payload: {
        [key: string]: unknown;
      };
      status: components['schemas']['ApprovalStatus'];
      /** @description a check code, a party name, an assessment or condition id */
      subject: string;
    };
    /** @enum {string} */
    ApprovalStatus: 'pending' | 'approved' | 'rejected';
    AssessmentDifferenceDto: {
      /** @description stored value */
      a:
        | (
            | {
                [key: string]: unknown;
              }
            | unknown[]
            | string
            | number
            | boolean
          )
        | null;
      /** @description recomputed value */
      b:
        | (
            | {
                [key: string]: unknown;
              }
            | unknown[]
            | string
            | number
            | boolean
          )
        | null;
      /** @example factors[F2_MARKET].residual */
      path: string;
    };
    AssignApplicationDto: {
      /**
       * Format: uuid
       * @description a user with the officer role
       */
      assigneeId: string;
      /**
       * @description the version read; or send `If-Match: 3`
       * @example 3
       */
      expectedVersion?: number;
    };
    AuditActorDto: {
      /** @example 8a6e0804-2bd0-4672-b79d-d97027f9071a */
      id: string;
      /**
       * @description Display name as of the event, recorded at append time and hashed with it (a later rename does not change it). Absent on events recorded before names were kept, and for an id that names no account.
       * @example Ana Ruiz
       */
      name?: string;
      /**
       * @description The role the action was taken in, as of the event
       * @example officer
       */
      role: string;
    };
    AuditAlarmDto: {
      /**
       * @example CHECKPOINT_SERIES_SHRANK
       * @enum {string}
       */
      code:
        | 'CHAIN_INVALID'
        | 'CHECKPOINT_ROOT_MISMATCH'
        | 'LOG_SHORTER_THAN_CHECKPOINT'
        | 'CHECKPOINT_SIGNATURE_INVALID'
        | 'CHECKPOINT_MISSING'
        | 'CHECKPOINT_SERIES_SHRANK'
        | 'CHECKPOINT_DIVERGED'
        | 'CHECKPOINT_LOG_MISSING'
        | 'CHECKPOINT_LOG_INVALID'
        | 'CHECKPOINT_REFUSED'
        | 'LAST_VERIFICATION_FAILED'
        | 'WITNESS_BEHIND';
      /** @example the database's latest checkpoint covers 0 events, the log file's covers 128 */
      message: string;
    };
    AuditEventDto: {
      /** @example application.stage_changed */
      action: string;
      actor: components['schemas']['AuditActorDto'];
      /**
       * @description JSON value
       * @example {
       *       "stage": "esg_review"
       *     }
       */
      after: Record<string, never> | null;
      /** Format: uuid */
      applicationId: string | null;
      /**
       * @description JSON value
       * @example {
       *       "stage": "screening"
       *     }
       */
      before: Record<string, never> | null;
      /**
       * @description JSON value
       * @example {
       *       "requestId": "b0c1…"
       *     }
       */
      context: Record<string, never> | null;
      /**
       * @description 64 hex digits
       * @example 9b2e…
       */
      hash: string;
      /** Format: uuid */
      id: string;
      /** @example 2025-03-01T09:15:00.000Z */
      occurredAt: string;
      /**
       * @description 64 hex digits
       * @example a3f5…
       */
      prevHash: string;
      /** @example All screening checks passed */
      reason: string | null;
      /** @example 42 */
      seq: number;
      subject: components['schemas']['AuditSubjectDto'];
    };
    AuditEventPageDto: {
      items: components['schemas']['AuditTrailEventDto'][];
      /** @description Pass as afterSeq for the next page; null at the end (where pending events, if any, follow) */
      nextCursor: number | null;
    };
    AuditPublicKeyDto: {
      /** @enum {string} */
      algorithm: 'Ed25519';
      /**
       * @example -----BEGIN PUBLIC KEY-----
       *     …
       *     -----END PUBLIC KEY-----
       */
      publicKeyPem: string;
    };
    AuditSubjectDto: {
      /** @example 3f1c0c4e-54a1-4c8e-9f0e-3a1b2c3d4e5f */
      id: string;
      /** @example application */
      type: string;
    };
    AuditTrailEventDto: {
      /** @example application.stage_changed */
      action: string;
      actor: components['schemas']['AuditActorDto'];
      /**
       * @description JSON value
       * @example {
       *       "stage": "esg_review"
       *     }
       */
      after: Record<string, never> | null;
      /** Format: uuid */
      applicationId: string | null;
      /**
       * @description JSON value
       * @example {
       *       "stage": "screening"
       *     }
       */
      before: Record<string, never> | null;
      /**
       * @description Pending events only: SHA-256 (hex) of the event’s RFC 8785 content bytes (the hashed object without seq and prevHash)
       * @example 5d41…
       */
      contentHash?: string;
      /**
       * @description JSON value
       * @example {
       *       "requestId": "b0c1…"
       *     }
       */
      context: Record<string, never> | null;
      /**
       * @description 64 hex digits; null while pending
       * @example 9b2e…
       */
      hash: string | null;
      /** Format: uuid */
      id: string;
      /** @example 2025-03-01T09:15:00.000Z */
      occurredAt: string;
      /**
       * @description 64 hex digits; null while pending
       * @example a3f5…
       */
      prevHash: string | null;
      /** @example All screening checks passed */
      reason: string | null;
      /**
       * @description Position in the chain; null while the event is pending (not yet sequenced)
       * @example 42
       */
      seq: number | null;
      /**
       * @description False while the event is pending: committed with its change, not yet placed in the chain (seq, prevHash, hash null)
       * @example true
       */
      sequenced: boolean;
      subject: components['schemas']['AuditSubjectDto'];
    };
    BeneficialOwnerDto: {
      /** @example AR */
      country: string;
      /** @example false */
      isPep: boolean;
      /** @example Altiplano Resources Holdings S.A. */
      name: string;
      /** @description owners of this entity (depth ≤ 6) */
      owners?: components['schemas']['BeneficialOwnerDto'][];
      /**
       * @description percent, up to two decimals
       * @example 60
       */
      ownershipPct: number;
      /**
       * @description entities only: a government, or an entity owned or controlled by one (TRANS.FEOC counts it when its country is a covered nation, FEOC_COVERED_COUNTRIES). Absent: not declared state-owned. Read by whoever may read the application input.
       * @example false
       */
      stateOwned?: boolean;
      /**
       * @example entity
       * @enum {string}
       */
      type: 'person' | 'entity';
    };
    CategoryDto: {
      /**
       * @example A
       * @enum {string}
       */
      category: 'A' | 'B' | 'C' | 'FI';
      /**
       * @description the version read; or send `If-Match: 3`
       * @example 3
       */
      expectedVersion?: number;
      /**
       * @description required when the category differs from the proposed one
       * @example Indigenous Peoples present
       */
      rationale?: string;
    };
    CategoryRowDto: {
      /** @enum {string} */
      category: 'A' | 'B' | 'C' | 'FI' | 'none';
      count: number;
      /** @description Share of committed + financed, half-even */
      shareBp: number;
      sharePct: string;
      usd: number;
    };
    ChainVerificationDto: {
      /** @description Everything that needs an operator: integrity alarms (valid is false) and operational ones (last checkpoint refused, witness behind) */
      alarms: components['schemas']['AuditAlarmDto'][];
      checkpointLog: components['schemas']['CheckpointLogDto'];
      /** @description Merkle root of the stored events equals the latest signed checkpoint */
      checkpointRootMatched: boolean | null;
      checkpoints: components['schemas']['CheckpointSeriesDto'];
      checkpointTreeSize: number | null;
      firstInvalidSeq: number | null;
      headHash: string | null;
      /** @example 1234 */
      length: number;
      /** @example hash mismatch */
      reason: string | null;
      /** @description False when the chain or any signed checkpoint (database or log file) disagrees */
      valid: boolean;
    };
    ChangeRolesRequestDto: {
      /** @example joins the Andes desk */
      reason: string;
      /**
       * @description The full set of roles wanted
       * @example [
       *       "officer"
       *     ]
       */
      roles: ('sponsor' | 'officer' | 'committee' | 'auditor' | 'admin' | 'partner')[];
    };
    /** @enum {string} */
    CheckCode:
      | 'ELIG.COUNTRY'
      | 'ELIG.MINERAL'
      | 'ELIG.TICKET'
      | 'ELIG.EQUATOR'
      | 'SANCTIONS.PARTIES'
      | 'ESG.CATEGORY_CONFIRMED'
      | 'ESG.ESIA'
      | 'ESG.INDEPENDENT_REVIEW'
      | 'ESG.FPIC'
      | 'ESG.TAILINGS'
      | 'ESG.WATER'
      | 'TRANS.BENEFICIAL_OWNERSHIP'
      | 'TRANS.PEP'
      | 'TRANS.EITI'
      | 'TRANS.CONTRACTS'
      | 'TRANS.FEOC'
      | 'TRANS.ANNEX_II'
      | 'PORTFOLIO.CONCENTRATION';
    /** @enum {string} */
    CheckOutcome: 'pass' | 'fail' | 'needs_review' | 'waived';
    CheckpointLogDto: {
      /** @description Whether a checkpoint log file is configured (AUDIT_CHECKPOINT_LOG) */
      configured: boolean;
      /**
       * @description Distinct checkpoints in the file
       * @example 13
       */
      count: number;
      /** @description Whether the file exists (null: not configured) */
      exists: boolean | null;
      /** @example 1024 */
      latestTreeSize: number | null;
      /** @description Tree sizes the file holds and the database lacks (deleted checkpoints) */
      missingTreeSizes: number[];
    };
    CheckpointSeriesDto: {
      /**
       * @description Checkpoints in the database
       * @example 12
       */
      count: number;
      /** @description Smallest tree size whose signed root the stored events do not reproduce */
      firstMismatchTreeSize: number | null;
      /** @example 1024 */
      latestTreeSize: number | null;
      /**
       * @description Distinct tree sizes (database and log file) whose root was recomputed from the events
       * @example 13
       */
      rootsChecked: number;
    };
    CheckResponseDto: {
      /** @description computed by the engine (true) or recorded by an officer */
      automated: boolean;
      /** @example ESG.ESIA */
      code: components['schemas']['CheckCode'];
      /** @description what the rule saw (checks.md) */
      detail: {
        [key: string]: unknown;
      } | null;
      /** Format: uuid */
      id: string;
      note: string | null;
      /** @example needs_review */
      outcome: components['schemas']['CheckOutcome'];
      /**
       * Format: uuid
       * @description the officer who resolved it
       */
      resolvedBy: string | null;
      /** @example esg_review */
      stage: components['schemas']['Stage'];
    };
    ClearWatchlistReasonDto: {
      /** @description The application version read; 409 APPLICATION.VERSION_CONFLICT otherwise */
      expectedVersion?: number;
      /** @example Waiver granted; DSCR back above 1.20x in Q2 */
      note: string;
      /** @example covenant_breach:2027:DSCR_MIN#1 */
      reasonId: string;
    };
    CloseIncidentDto: {
      /** @description The application version read; 409 APPLICATION.VERSION_CONFLICT otherwise */
      expectedVersion?: number;
      note: string;
    };
    CofinancierDto: {
      /** Format: uuid */
      id: string;
      /** @example Banco Andino de Desarrollo */
      name: string;
      /** @enum {string|null} */
      sector: 'public' | 'private' | null;
    };
    CofinancierListDto: {
      /** @description Every cofinancier organisation, by name */
      items: components['schemas']['CofinancierDto'][];
    };
    CofinancingLineDto: {
      /**
       * @description integer US dollars
       * @example 140000000
       */
      amountUsd: number;
      /**
       * @example senior_loan
       * @enum {string}
       */
      instrument:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      /**
       * Format: uuid
       * @description A cofinancier organisation (POST /admin/organizations, kind cofinancier)
       */
      organizationId: string;
      /**
       * @example indicated
       * @enum {string}
       */
      status: 'indicated' | 'committed' | 'signed';
    };
    CofinancingLineViewDto: {
      /** @description integer US dollars */
      amountUsd: number;
      /** @enum {string} */
      instrument:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      /** Format: uuid */
      organizationId: string;
      organizationName: string;
      /** @enum {string|null} */
      sector: 'public' | 'private' | null;
      /** @enum {string} */
      status: 'indicated' | 'committed' | 'signed';
    };
    CofinancingListDto: {
      items: components['schemas']['CofinancingViewDto'][];
    };
    CofinancingViewDto: {
      /** Format: uuid */
      applicationId: string;
      country: string;
      /** @description The FORGE amount (financing structure, else requested) */
      forgeAmountUsd: number;
      /** @enum {string} */
      instrument:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      /** @description Staff: every line; a partner: its organisation's */
      lines: components['schemas']['CofinancingLineViewDto'][];
      mineral: string;
      /** @description Private direct mobilisation ÷ FORGE amount in hundredths (56 = 0.56x), half-even */
      mobilisationRatioHundredths: number;
      /** @description Σ committed and signed lines of private cofinanciers (every line) */
      privateDirectMobilisationUsd: number;
      reference: string;
      stage: string;
      title: string;
      valueChainSegment: string;
    };
    CommitCofinancingDto: {
      /**
       * @description The instrument of your organisation's indicated line
       * @enum {string}
       */
      instrument:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
    };
    /** @enum {string} */
    CommitteeDecision: 'approved' | 'rejected';
    /**
     * @description null for a recusal (conflict of interest); absent while the round is open (others' votes)
     * @enum {string}
     */
    CommitteeDecisionVote: 'approve' | 'reject' | 'abstain';
    CommitteeResponseDto: {
      /** @description eligible members who have not voted or recused */
      awaiting: string[];
      /** Format: date-time */
      closedAt: string | null;
      /** @enum {string|null} */
      closeReason: 'all_voted' | 'deadline' | 'deferred' | 'rejected' | 'withdrawn' | null;
      /**
       * Format: date-time
       * @description the round closes at this time if not every member voted
       */
      deadline: string | null;
      decision: components['schemas']['CommitteeDecision'] | null;
      /** @description members listed when the round opened */
      eligibleMemberIds: string[];
      /**
       * Format: uuid
       * @description the assessment the IC pack was built on
       */
      icAssessmentId: string | null;
      /** @description SHA-256 of the IC pack */
      icPackHash: string | null;
      /** Format: uuid */
      movedToCommitteeBy: string | null;
      /** Format: date-time */
      openedAt: string | null;
      /** @enum {string|null} */
      outcome: 'approved' | 'rejected' | 'lapsed' | null;
      /**
       * @description non-abstaining votes that decide (COMMITTEE_QUORUM)
       * @example 3
       */
      quorum: number;
      /**
       * @description the latest committee round (0 before the first)
       * @example 1
       */
      round: number;
      /** @enum {string|null} */
      status: 'open' | 'closed' | null;
      /** @description entries of the latest round (blind until close) */
      votes: components['schemas']['CommitteeVoteResponseDto'][];
    };
    CommitteeVoteDto: {
      /**
       * @description conditions proposed with an approving vote (only with decision approve); on approval they are added to the conditions precedent
       * @example [
       *       "Hedge at least 50% of the lithium price exposure for the first three years"
       *     ]
       */
      conditions?: string[];
      /**
       * @description declare a conflict of interest (a recusal) instead of voting
       * @example true
       */
      conflictOfInterest?: boolean;
      /**
       * @example approve
       * @enum {string}
       */
      decision?: 'approve' | 'reject' | 'abstain';
      /** @example Strong sponsor, mitigated water risk */
      rationale: string;
    };
    CommitteeVoteResponseDto: {
      /** Format: date-time */
      castAt: string;
      /** @description conditions proposed with an approving vote */
      conditions?: string[];
      conflictOfInterest?: boolean;
      /** @description null for a recusal (conflict of interest); absent while the round is open (others' votes) */
      decision?: components['schemas']['CommitteeDecisionVote'] | null;
      /** @description absent while the round is open (others' votes) */
      rationale?: string;
      status: components['schemas']['CommitteeVoteStatus'];
      /** Format: uuid */
      userId: string;
    };
    /** @enum {string} */
    CommitteeVoteStatus: 'voted' | 'recused';
    ConditionEvidenceResponseDto: {
      documentIds: string[];
      text: string | null;
    };
    ConditionPrecedentResponseDto: {
      evidence: components['schemas']['ConditionEvidenceResponseDto'] | null;
      /** Format: uuid */
      id: string;
      satisfied: boolean;
      /** Format: date-time */
      satisfiedAt: string | null;
      text: string;
    };
    ConservatismAppliedDto: {
      band: components['schemas']['RiskBand'];
      fromBand: components['schemas']['RiskBand'];
      grossBand: components['schemas']['RiskBand'];
      reason: string;
    };
    ConsistencyProofDto: {
      /** @example 512 */
      from: number;
      proof: string[];
      /** @example 1024 */
      to: number;
    };
    ContactOfficerResponseDto: {
      /** @example Ana Souza */
      displayName: string;
      /** @example ana.souza@forge.example */
      email: string;
    };
    CountriesResponseDto: {
      about?: string;
      countries: components['schemas']['CountryDto'][];
      /** Format: date-time */
      loadedAt: string;
      /**
       * @description SHA-256 of the canonical content
       * @example 5d41…
       */
      sha256: string;
      /** Format: uuid */
      snapshotId: string;
      /** @example 2026-11-01 */
      version: string;
    };
    CountryDto: {
      /** @example AR */
      code: string;
      /** @example true */
      eitiImplementing: boolean;
      /** @example true */
      fundEligible: boolean;
      /** @example Argentina */
      name: string;
      /**
       * @description OECD country risk classification 0–7
       * @example 7
       */
      oecdCrc: number | null;
    };
    CovenantDto: {
      /** @example DSCR_MIN */
      code: string;
      /** @enum {string} */
      kind: 'financial' | 'es' | 'reporting';
      /**
       * @description { type, <parameter> }: min_dscr {min (hundredths)}, max_fatalities {max}, max_ltifr {max (hundredths)}, max_water_withdrawal_m3 {max}, max_ghg_scope12_tonnes {max}, min_grievance_resolution_pct / min_local_employment_pct / min_local_procurement_pct {minPct}, amr_on_time {graceDays}
       * @example {
       *       "type": "min_dscr",
       *       "min": 120
       *     }
       */
      rule: {
        [key: string]: unknown;
      };
    };
    CovenantResultDto: {
      /** @description The figure tested (hundredths for ratios and percentages; days late for amr_on_time) */
      actual: number;
      code: string;
      /** @enum {string} */
      kind: 'financial' | 'es' | 'reporting';
      message: string;
      met: boolean;
      /** @description The threshold, in the same unit */
      threshold: number;
      type: string;
    };
    CovenantsViewDto: {
      /** Format: uuid */
      applicationId: string;
      covenants: components['schemas']['CovenantDto'][];
      /**
       * @description Recorded on the financing structure, or the fund’s defaults
       * @enum {string}
       */
      source: 'financing' | 'default';
    };
    CreateEsapItemDto: {
      /** @example Install tailings seepage monitoring wells (PS3) */
      description: string;
      /**
       * Format: date
       * @description Not before today (UTC)
       * @example 2027-06-30
       */
      dueDate: string;
      /** @description The application version read; 409 APPLICATION.VERSION_CONFLICT otherwise */
      expectedVersion?: number;
      /**
       * @example PS3
       * @enum {string}
       */
      standard: 'PS1' | 'PS2' | 'PS3' | 'PS4' | 'PS5' | 'PS6' | 'PS7' | 'PS8';
    };
    CreateOrganizationRequestDto: {
      /**
       * @description ISO 3166-1 alpha-2
       * @example AR
       */
      country: string;
      /**
       * @description portfolio.md: a project sponsor (when absent), a co-financing partner (cofinancier) or the fund itself
       * @enum {string}
       */
      kind?: 'sponsor' | 'cofinancier' | 'fund';
      /** @example Lithium Andes S.A. */
      name: string;
      /** @example 30-71234567-9 */
      registrationNumber: string;
      /**
       * @description A cofinancier is public (a DFI, an export-credit agency) or private; only a cofinancier has one
       * @enum {string}
       */
      sector?: 'public' | 'private';
    };
    CreateUserRequestDto: {
      /** @example Lucía Sponsor */
      displayName: string;
      /** @example sponsor@lithium-andes.example */
      email: string;
      /**
       * @description the language of the user’s emails (the user changes it with PATCH /me)
       * @enum {string}
       */
      locale?: 'en' | 'es' | 'pt-BR';
      /**
       * Format: uuid
       * @description Required for sponsor users, refused for the others
       */
      organizationId?: string;
      /**
       * Format: password
       * @example a long pass phrase
       */
      password: string;
      /**
       * @example [
       *       "sponsor"
       *     ]
       */
      roles: ('sponsor' | 'officer' | 'committee' | 'auditor' | 'admin' | 'partner')[];
    };
    DecidePortfolioPolicyDto: {
      /** @example Checked against the board resolution */
      note: string;
    };
    DeclineDisbursementDto: {
      /** @example The insurance certificate is missing */
      reason: string;
    };
    DisbursementResponseDto: {
      /** @description Integer US dollars */
      amountUsd: number;
      /** Format: uuid */
      applicationId: string;
      /**
       * Format: uuid
       * @description Staff only: the four-eyes item
       */
      approvalId?: string | null;
      /** Format: date-time */
      decidedAt: string | null;
      /**
       * Format: uuid
       * @description Staff only
       */
      decidedBy?: string | null;
      /** Format: uuid */
      id: string;
      note: string | null;
      /** Format: date-time */
      proposedAt: string | null;
      /**
       * Format: uuid
       * @description Staff only
       */
      proposedBy?: string | null;
      /** Format: date-time */
      requestedAt: string;
      /**
       * Format: uuid
       * @description Staff only
       */
      requestedBy?: string | null;
      /** @enum {string} */
      status: 'requested' | 'proposed' | 'disbursed' | 'declined' | 'rejected' | 'cancelled';
      trancheId: string;
      /**
       * Format: date
       * @description When the money left
       */
      valueDate: string | null;
    };
    DisbursementsViewDto: {
      /** Format: uuid */
      applicationId: string;
      disbursedUsd: number;
      disbursements: components['schemas']['DisbursementResponseDto'][];
      forgeAmountUsd: number;
      /** @description Disbursed − repaid */
      outstandingUsd: number;
      repaidUsd: number;
      repayments: components['schemas']['RepaymentResponseDto'][];
      stage: string;
      tranches: components['schemas']['TrancheViewDto'][];
    };
    DisclosureContentDto: {
      /** @enum {string|null} */
      category: 'A' | 'B' | 'C' | 'FI' | null;
      /** @example AR */
      country: string;
      esReviewSummary: string | null;
      /** @description integer US dollars */
      forgeAmountUsd: number;
      /** @enum {string} */
      instrument:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      /** @enum {string} */
      mineral:
        | 'lithium'
        | 'copper'
        | 'nickel'
        | 'cobalt'
        | 'graphite'
        | 'manganese'
        | 'rare_earths'
        | 'gallium'
        | 'germanium'
        | 'antimony'
        | 'vanadium'
        | 'tungsten'
        | 'tin'
        | 'titanium'
        | 'zinc'
        | 'silver'
        | 'gold';
      publicDocuments: components['schemas']['PublicDocumentRefDto'][];
      /** @example FORGE-2026-000001 */
      reference: string;
      region: string;
      /** @description The sponsor organisation */
      sponsorName: string;
      summary: string;
      title: string;
      /** @enum {string} */
      valueChainSegment: 'extraction' | 'processing' | 'refining' | 'recycling';
    };
    DisclosureHistoryDto: {
      /** Format: uuid */
      applicationId: string;
      latest: components['schemas']['DisclosurePackageDto'] | null;
      /** @description Every version, oldest first */
      versions: components['schemas']['DisclosurePackageDto'][];
    };
    DisclosurePackageDto: {
      /** Format: uuid */
      applicationId: string;
      content: components['schemas']['DisclosureContentDto'];
      /** @description SHA-256 of the canonical JSON of content */
      contentHash: string;
      /** Format: date-time */
      disclosedAt: string;
      /**
       * Format: uuid
       * @description The officer who published this version
       */
      disclosedBy: string;
      /**
       * @description 1, 2, … (each amendment a new version; every version kept)
       * @example 1
       */
      version: number;
    };
    DisclosureRequestDto: {
      /** @description The E&S review summary: required for categories A, B and FI */
      esReviewSummary?: string | null;
      /** @description Documents of the application the package makes public (anyone may download them) */
      publicDocumentIds?: string[];
      /**
       * @description The purpose of the investment, written for the public
       * @example A 25 ktpa battery-grade lithium carbonate plant by direct lithium extraction in Jujuy.
       */
      summary: string;
    };
    /** @enum {string} */
    DocumentKind:
      | 'esia'
      | 'independent_es_review'
      | 'fpic_evidence'
      | 'gistm_evidence'
      | 'ownership_evidence'
      | 'financial_model'
      | 'other'
      | 'pri_policy'
      | 'offtake_agreement'
      | 'hedge_confirmation'
      | 'epc_contract'
      | 'completion_guarantee'
      | 'first_loss_agreement'
      | 'guarantee_agreement'
      | 'water_study'
      | 'dsra_agreement';
    DocumentResponseDto: {
      /** Format: date-time */
      createdAt: string;
      /** @example esia.pdf */
      filename: string | null;
      /** Format: uuid */
      id: string;
      kind: components['schemas']['DocumentKind'];
      /** @example application/pdf */
      mediaType: string;
      /**
       * @description SHA-256 of the content, hex
       * @example 9f86d081…
       */
      sha256: string;
      /**
       * @description bytes
       * @example 52311
       */
      size: number;
      /** Format: uuid */
      uploadedBy: string;
    };
    EnvelopeTotalsDto: {
      /** @description envelope − committed − financed (negative if the envelope was set below) */
      availableUsd: number;
      committedCount: number;
      /** @description Applications in approved: their FORGE amount */
      committedUsd: number;
      /** @example 30000000000 */
      envelopeUsd: number;
      financedCount: number;
      /** @description financed and later: disbursed − repaid (the money out) */
      financedOutstandingUsd: number;
      /** @description financed and later: FORGE amount − disbursed (still to disburse) */
      financedUndisbursedUsd: number;
      /** @description financed and later: FORGE amount minus repayments */
      financedUsd: number;
      pipelineCount: number;
      /** @description submitted … committee: shown, never counted against limits */
      pipelineUsd: number;
    };
    EnvironmentDto: {
      /** @example false */
      criticalHabitat?: boolean;
      /**
       * @example completed
       * @enum {string}
       */
      esiaStatus?: 'not_started' | 'in_progress' | 'completed';
      /** @example 120000 */
      ghgScope12TonnesPerYear?: number;
      /** @example false */
      protectedAreaOverlap?: boolean;
      /**
       * @example none
       * @enum {string}
       */
      tailings?: 'none' | 'dry_stack' | 'downstream' | 'centerline' | 'upstream';
      /**
       * @example none
       * @enum {string}
       */
      tailingsConsequenceClass?: 'none' | 'low' | 'significant' | 'high' | 'very_high' | 'extreme';
      /**
       * @example extremely_high
       * @enum {string}
       */
      waterStress?: 'low' | 'low_medium' | 'medium_high' | 'high' | 'extremely_high';
    };
    EsapItemResponseDto: {
      /** Format: uuid */
      applicationId: string;
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: uuid
       * @description Staff only
       */
      createdBy?: string;
      description: string;
      /**
       * Format: date-time
       * @description When it falls overdue: the start of the day after the due date (UTC)
       */
      dueAt: string;
      /** Format: date */
      dueDate: string;
      evidenceDocumentIds: string[];
      /** Format: uuid */
      id: string;
      /** @description The last note (update, verification or return) */
      note: string | null;
      /** @description Past its due date and not verified */
      overdue: boolean;
      /** @enum {string} */
      standard: 'PS1' | 'PS2' | 'PS3' | 'PS4' | 'PS5' | 'PS6' | 'PS7' | 'PS8';
      /** @enum {string} */
      status: 'open' | 'in_progress' | 'done' | 'verified';
      /** Format: date-time */
      updatedAt: string;
      /** Format: date-time */
      verifiedAt: string | null;
      /**
       * Format: uuid
       * @description Staff only
       */
      verifiedBy?: string | null;
    };
    /**
     * @description by screening
     * @enum {string}
     */
    EsCategory: 'A' | 'B' | 'C' | 'FI';
    ExpectedLossDto: {
      /** @example 325 */
      grossBp: number;
      /**
       * @description basis points
       * @example 4154
       */
      reductionPct: number;
      /** @example 190 */
      residualBp: number;
    };
    ExposureRowDto: {
      count: number;
      /** @description Group limits or targets this value belongs to */
      groups: string[];
      key: string;
      /** @description The per-value limit of this dimension */
      limit: components['schemas']['LimitStatusDto'] | null;
      /** @description Share of the envelope, half-even */
      shareOfEnvelopeBp: number;
      shareOfEnvelopePct: string;
      /** @description Committed + financed exposure */
      usd: number;
    };
    ExposuresDto: {
      country: components['schemas']['ExposureRowDto'][];
      instrument: components['schemas']['ExposureRowDto'][];
      mineral: components['schemas']['ExposureRowDto'][];
      /** @description By sponsor organisation id */
      obligor: components['schemas']['ExposureRowDto'][];
      /** @description By value-chain segment */
      segment: components['schemas']['ExposureRowDto'][];
    };
    FactorCreditDto: {
      /**
       * @description FORGE-RRS 1.1.0 on: the document kind that evidences this mitigant (absent under 1.0.0)
       * @example pri_policy
       */
      evidenceKind?: string;
      /** @example political_risk_insurance */
      mitigant: string;
      /**
       * @description Notches actually taken off
       * @example 1
       */
      notches: number;
      /**
       * @description Why these notches; FORGE-RRS 1.1.0: 'not evidenced' (0 notches) when no document of the evidence kind is attached
       * @example covers transfer/convertibility, expropriation and war → −1
       */
      reason: string;
    };
    FactorDto: {
      /** @example F1_COUNTRY */
      code: string;
      credits: components['schemas']['FactorCreditDto'][];
      /** @example 4 */
      gross: number;
      /** @example OECD country risk class 7 → High */
      reason: string;
      /** @example 3 */
      residual: number;
      /**
       * @description basis points
       * @example 1500
       */
      weight: number;
    };
    FinancingDto: {
      /**
       * @description integer US dollars
       * @example 250000000
       */
      amountUsd: number;
      /** @description Co-financing lines (one per organisation and instrument), replacing the recorded ones; absent: the recorded lines stay. Read them at GET /applications/:id/cofinancing. */
      cofinancing?: components['schemas']['CofinancingLineDto'][];
      /**
       * @example [
       *       "Signed offtake agreement",
       *       "Financial close of the equity"
       *     ]
       */
      conditionsPrecedent: string[];
      /** @description monitoring.md: the covenants each annual report is tested against, checked field by field (400 with the fields). Absent: the recorded ones stay (or the fund’s defaults). Also PUT /applications/:id/covenants. */
      covenants?: components['schemas']['CovenantDto'][];
      /**
       * @description the version read; or send `If-Match: 3`
       * @example 3
       */
      expectedVersion?: number;
      /**
       * @example senior_loan
       * @enum {string}
       */
      instrument:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      mitigants: components['schemas']['MitigantDto'][];
      /** @example 12 */
      tenorYears: number;
      /** @description monitoring.md: the tranches, summing to the FORGE amount; `conditionIds` name conditions precedent (a condition whose text is unchanged keeps its id) or ESAP items. Absent: the recorded tranches stay while they still fit; without any, one tranche T1 of the whole amount on every condition precedent. Also PUT /applications/:id/tranches. */
      tranches?: components['schemas']['TrancheDto'][];
    };
    FinancingResponseDto: {
      /**
       * @description integer US dollars
       * @example 250000000
       */
      amountUsd: number;
      /**
       * @example [
       *       "Signed offtake agreement"
       *     ]
       */
      conditionsPrecedent: string[];
      /** @description monitoring.md: the covenants each annual report is tested against (absent: the fund’s defaults) */
      covenants?: components['schemas']['CovenantDto'][];
      /**
       * @example senior_loan
       * @enum {string}
       */
      instrument:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      mitigants: components['schemas']['MitigantDto'][];
      /** @example 12 */
      tenorYears: number;
      /** @description monitoring.md: the tranches, summing to the FORGE amount (absent: one tranche on the conditions precedent) */
      tranches?: components['schemas']['FinancingTrancheDto'][];
    };
    FinancingTrancheDto: {
      /** @description integer US dollars */
      amountUsd: number;
      /** @description condition precedent or ESAP item ids */
      conditionIds: string[];
      /** @example T1 */
      id: string;
    };
    FloorAppliedDto: {
      /** @description after the floor */
      band: components['schemas']['RiskBand'];
      /**
       * @example [
       *       "F1_COUNTRY"
       *     ]
       */
      factors: string[];
      /** @description what the score alone gave */
      fromBand: components['schemas']['RiskBand'];
      reason: string;
      /** @example one_factor_at_4 */
      rule: string;
      /** @enum {string} */
      stage: 'gross' | 'residual';
    };
    FrameworkCountriesDto: {
      /**
       * @example [
       *       "AR",
       *       "EC",
       *       "PE",
       *       "PY"
       *     ]
       */
      countries: string[];
      shareOfBookBp: number;
      shareOfBookPct: string;
      usd: number;
    };
    FunnelRowDto: {
      count: number;
      /** @description Median whole days in the current stage */
      medianDaysInStage: number | null;
      stage: string;
      /** @description Σ FORGE amounts */
      usd: number;
    };
    GovernanceDto: {
      /** @example false */
      adverseMedia?: boolean;
      /**
       * @example iso37001
       * @enum {string}
       */
      antiCorruptionProgram?: 'none' | 'policy' | 'iso37001';
      /** @description tree, depth ≤ 6, ≤ 200 nodes; siblings sum ≤ 100 */
      beneficialOwners?: components['schemas']['BeneficialOwnerDto'][];
      /** @example true */
      contractsDisclosed?: boolean;
      /** @example true */
      oecdAnnexIIAttestation?: boolean;
      /** @example true */
      paymentsToGovernmentsDisclosed?: boolean;
    };
    HealthCheckpointAttemptDto: {
      at: string;
      /** @enum {string} */
      outcome: 'signed' | 'refused';
      refusal: components['schemas']['HealthCheckpointRefusalDto'] | null;
      treeSize: number | null;
    };
    HealthCheckpointDto: {
      /** @example 2025-03-01T09:15:00.000Z */
      timestamp: string;
      /** @example 1024 */
      treeSize: number;
    };
    HealthCheckpointRefusalDto: {
      /** @example CHECKPOINT_MISSING */
      code: string;
      /** @description Refusals in a row */
      count: number;
      message: string;
      /** @description First refusal of this streak */
      since: string;
    };
    HealthIndicatorResponseDto: {
      /** @description auditTrail: whether the decision trail has alarms (docs/audit.md, "Alarms"); readiness stays 200 */
      alarm?: boolean;
      /** @description auditTrail: every alarm */
      alarms?: components['schemas']['AuditAlarmDto'][];
      /**
       * @description queue: the backend in use
       * @enum {string}
       */
      backend?: 'redis' | 'postgres';
      /** @description auditTrail */
      lastAttempt?: components['schemas']['HealthCheckpointAttemptDto'] | null;
      /** @description auditTrail */
      lastVerification?: components['schemas']['HealthVerificationDto'] | null;
      /** @description auditTrail */
      latestCheckpoint?: components['schemas']['HealthCheckpointDto'] | null;
      /** @example database unreachable */
      message?: string;
      /** @enum {string} */
      status: 'up' | 'down';
    };
    HealthLiveResponseDto: {
      /** @enum {string} */
      status: 'ok';
    };
    HealthReadyResponseDto: {
      details: {
        [key: string]: components['schemas']['HealthIndicatorResponseDto'];
      };
      /** @example {} */
      error: {
        [key: string]: components['schemas']['HealthIndicatorResponseDto'];
      };
      /**
       * @example {
       *       "database": {
       *         "status": "up"
       *       },
       *       "queue": {
       *         "status": "up",
       *         "backend": "postgres"
       *       },
       *       "auditTrail": {
       *         "status": "up",
       *         "alarm": false,
       *         "alarms": []
       *       }
       *     }
       */
      info: {
        [key: string]: components['schemas']['HealthIndicatorResponseDto'];
      };
      /** @enum {string} */
      status: 'ok';
    };
    HealthVerificationDto: {
      at: string;
      valid: boolean;
    };
    IcPackApplicationDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      organizationId: string;
      /** @example FORGE-2026-000042 */
      reference: string;
      /**
       * @description the application version put to the committee
       * @example 12
       */
      version: number;
    };
    IcPackConditionDto: {
      /** Format: uuid */
      id: string;
      text: string;
    };
    IcPackDocumentDto: {
      filename: string | null;
      /** Format: uuid */
      id: string;
      kind: components['schemas']['DocumentKind'];
      /** @description SHA-256 of the file as members read it */
      sha256: string;
      /** @description bytes */
      size: number;
    };
    IcPackDto: {
      application: components['schemas']['IcPackApplicationDto'];
      /** @description that assessment's record (scoring.md) with its approved band override, if any */
      assessment: {
        [key: string]: unknown;
      } | null;
      /**
       * Format: uuid
       * @description the risk assessment put to the committee
       */
      assessmentId: string;
      category: components['schemas']['EsCategory'];
      checks: components['schemas']['CheckResponseDto'][];
      conditionsPrecedent: components['schemas']['IcPackConditionDto'][];
      /** @description documents attached when the pack was frozen */
      documents: components['schemas']['IcPackDocumentDto'][];
      financing: components['schemas']['FinancingResponseDto'];
      /** @description the application input as put to the committee */
      input: components['schemas']['ApplicationInputDto'];
      /** @description SHA-256 of each reference-data snapshot in force (countries, minerals, sanctions list) */
      referenceSnapshots: {
        [key: string]: string;
      };
      /** @example forge.ic-pack/2 */
      schema: string;
      screening: components['schemas']['ScreeningResponseDto'] | null;
    };
    InboxEventDto: {
      /** @example approval.requested */
      action: string;
      /** @description Audit seq of the event that caused the item */
      seq: number;
    };
    InboxItemDto: {
      /** Format: uuid */
      applicationId: string | null;
      /** @description True while the work it stands for still waits for you */
      awaiting: boolean;
      /** Format: date-time */
      createdAt: string;
      event: components['schemas']['InboxEventDto'];
      /** Format: uuid */
      id: string;
      /**
       * @example approval
       * @enum {string}
       */
      kind:
        | 'approval'
        | 'vote'
        | 'information_request'
        | 'assignment'
        | 'disbursement'
        | 'esap_item'
        | 'amr'
        | 'incident'
        | 'watchlist'
        | 'decision'
        | 'overdue';
      /**
       * @example {
       *       "reference": "FORGE-2027-000042",
       *       "title": "Puna Clara DLE"
       *     }
       */
      params: {
        [key: string]: string;
      };
      /** Format: date-time */
      readAt: string | null;
      /** Format: date-time */
      resolvedAt: string | null;
      target: components['schemas']['LinkTargetDto'];
      /** @example approval_requested */
      template: string;
    };
    InboxPageDto: {
      items: components['schemas']['InboxItemDto'][];
      /** Format: uuid */
      nextCursor: string | null;
      /** @description Unread items in the whole inbox */
      unread: number;
    };
    IncidentReportedDto: {
      incident: components['schemas']['IncidentResponseDto'];
      /** @description Staff only: the watchlist reason a serious incident added */
      watchlistAdded?: components['schemas']['WatchlistReasonDto'][];
    };
    IncidentResponseDto: {
      /** Format: uuid */
      applicationId: string;
      /** Format: date-time */
      closedAt: string | null;
      /**
       * Format: uuid
       * @description Staff only
       */
      closedBy?: string | null;
      closingNote: string | null;
      description: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind:
        'fatality' | 'serious_injury' | 'tailings' | 'spill' | 'community_conflict' | 'security' | 'other';
      /** @description A serious incident reported more than 3 days after it occurred */
      late: boolean;
      /** Format: date-time */
      occurredAt: string;
      /** Format: date-time */
      reportedAt: string;
      /**
       * Format: uuid
       * @description Staff only
       */
      reportedBy?: string;
      /** @description Severity 3, a fatality or tailings: watchlist, re-assessment, 3-day rule */
      serious: boolean;
      /** @enum {number} */
      severity: 1 | 2 | 3;
      /** @enum {string} */
      status: 'open' | 'closed';
      updates: components['schemas']['IncidentUpdateResponseDto'][];
    };
    IncidentUpdateDto: {
      /** @description The application version read; 409 APPLICATION.VERSION_CONFLICT otherwise */
      expectedVersion?: number;
      /** @enum {string} */
      kind: 'root_cause' | 'corrective_action' | 'note';
      text: string;
    };
    IncidentUpdateResponseDto: {
      /** Format: date-time */
      at: string;
      /**
       * Format: uuid
       * @description Staff only
       */
      authorId?: string;
      /** @enum {string} */
      kind: 'root_cause' | 'corrective_action' | 'note';
      text: string;
    };
    InclusionProofDto: {
      auditPath: string[];
      /** @description SHA-256(0x00 ‖ event hash bytes), hex */
      leafHash: string;
      rootHash: string;
      /** @example 42 */
      seq: number;
      /** @example 1024 */
      treeSize: number;
    };
    InformationRequestResponseDto: {
      /** @description the amended input fields, if any */
      amendments: {
        [key: string]: unknown;
      } | null;
      answer: string | null;
      /** Format: date-time */
      answeredAt: string | null;
      /** Format: uuid */
      answeredBy: string | null;
      /** Format: date-time */
      askedAt: string;
      /** Format: uuid */
      askedBy: string;
      documentIds: string[];
      /** Format: uuid */
      id: string;
      question: string;
      /** @description the stage it was opened in */
      stage: components['schemas']['Stage'];
      status: components['schemas']['InformationRequestStatus'];
    };
    /** @enum {string} */
    InformationRequestStatus: 'open' | 'answered';
    LatestRiskAssessmentResponseDto: {
      /** Format: uuid */
      applicationId: string;
      /** @example 3 */
      applicationVersion: number;
      /** Format: date-time */
      computedAt: string;
      /** @description null when the rule did not fire */
      conservatismApplied: components['schemas']['ConservatismAppliedDto'] | null;
      /** @description Today's inputs hash and the active model (scoring.md) */
      current: boolean;
      expectedLoss: components['schemas']['ExpectedLossDto'];
      factors: components['schemas']['FactorDto'][];
      /** @description SORT-style floors that raised a band */
      floorsApplied: components['schemas']['FloorAppliedDto'][];
      gross: components['schemas']['ScoreBandDto'];
      /** Format: uuid */
      id: string;
      inputsHash: string;
      jobId: string;
      /** @example 1.0.0 */
      modelVersion: string;
      override: components['schemas']['RiskBandOverrideDto'] | null;
      paramsHash: string;
      /**
       * @description SHA-256 of each reference snapshot read, by kind
       * @example {
       *       "countries": "9c0e…"
       *     }
       */
      referenceSnapshotHashes: {
        [key: string]: string;
      };
      residual: components['schemas']['ScoreBandDto'];
      /**
       * @description G − R in hundredths
       * @example 70
       */
      riskReduction: number;
      /**
       * @description basis points
       * @example 3784
       */
      riskReductionPct: number;
    };
    LimitStatusDto: {
      /** @enum {string} */
      base: 'envelope' | 'book';
      /** @description false: a target, reported, never blocks */
      blocking: boolean;
      /** @enum {string} */
      bound: 'max' | 'min';
      breached: boolean;
      /** @description The bucket measured (a country, mineral, organisation id, or a group joined by +) */
      key: string;
      /** @example COUNTRY */
      limit: string;
      /** @example 2500 */
      limitBp: number;
      /** @example 25.00 */
      limitPct: string;
      name: string;
      /** @description Rounded away from compliance (up for a max, down for a min) */
      shareBp: number;
      sharePct: string;
      usd: number;
    };
    LinkTargetDto: {
      /** Format: uuid */
      applicationId: string | null;
      id: string;
      /**
       * @description Console path to open
       * @example /approvals/6f1c…
       */
      path: string;
      /** @example approval */
      type: string;
    };
    LocationDto: {
      /** @example -23.21 */
      lat: number;
      /** @example -66.42 */
      lon: number;
    };
    MarkReadRequestDto: {
      /** @description Omitted: every unread item */
      ids?: string[];
    };
    MarkReadResponseDto: {
      /** @description Items that were unread and are now read */
      marked: number;
    };
    MineralsResponseDto: {
      about?: string;
      /** Format: date-time */
      loadedAt: string;
      /**
       * @example [
       *       "lithium",
       *       "copper"
       *     ]
       */
      minerals: string[];
      /**
       * @description SHA-256 of the canonical content
       * @example 5d41…
       */
      sha256: string;
      /** Format: uuid */
      snapshotId: string;
      /** @example 2026-11-01 */
      version: string;
    };
    MitigantDto: {
      /** @example true */
      buyerInvestmentGrade?: boolean;
      /**
       * @description whole percent
       * @example 70
       */
      coveragePct?: number;
      /**
       * @example [
       *       "expropriation"
       *     ]
       */
      covers?: (
        'transfer_convertibility' | 'expropriation' | 'war_civil_disturbance' | 'breach_of_contract'
      )[];
      /** @example false */
      floorPrice?: boolean;
      /**
       * @description whole percent (first_loss)
       * @example 20
       */
      pct?: number;
      /** @example MIGA */
      provider?: string;
      /**
       * @example offtake
       * @enum {string}
       */
      type:
        | 'political_risk_insurance'
        | 'offtake'
        | 'commodity_hedge'
        | 'fixed_price_epc'
        | 'completion_guarantee'
        | 'first_loss'
        | 'partial_credit_guarantee'
        | 'independent_es_review'
        | 'water_solution'
        | 'gistm_conformance'
        | 'fpic_agreement'
        | 'verified_ownership_and_contracts'
        | 'usd_offtake_offshore_dsra';
    };
    MobilisationDto: {
      forgeAmountUsd: number;
      /** @description Σ committed and signed lines of private cofinanciers */
      privateDirectMobilisationUsd: number;
      /** @description Hundredths: 125 = 1.25x */
      ratioHundredths: number;
    };
    MonitoringReportResponseDto: {
      /** Format: uuid */
      applicationId: string;
      covenantResults: components['schemas']['CovenantResultDto'][];
      /** Format: uuid */
      documentId: string;
      /** Format: date */
      dueDate: string;
      figures: components['schemas']['AmrFiguresDto'];
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      submittedAt: string;
      /**
       * Format: uuid
       * @description Staff only
       */
      submittedBy?: string;
      year: number;
    };
    OidcProvidersResponseDto: {
      /** @description True when staff can sign in with the organisation's identity provider (OIDC) */
      oidc: boolean;
    };
    OpenedInformationRequestResponseDto: {
      /** Format: uuid */
      applicationId: string;
      /**
       * @description the application version after the request was opened
       * @example 5
       */
      applicationVersion: number;
      /** Format: date-time */
      askedAt: string;
      /** Format: uuid */
      askedBy: string;
      /** Format: uuid */
      id: string;
      question: string;
      stage: components['schemas']['Stage'];
      status: components['schemas']['InformationRequestStatus'];
    };
    OpenInformationRequestDto: {
      /** @example Please provide the signed offtake term sheet */
      question: string;
    };
    OrganizationResponseDto: {
      /** @example AR */
      country: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'sponsor' | 'cofinancier' | 'fund';
      /** @example Lithium Andes S.A. */
      name: string;
      /** @example 30-71234567-9 */
      registrationNumber: string;
      /** @enum {string|null} */
      sector: 'public' | 'private' | null;
    };
    PasswordResetRequestDto: {
      /**
       * Format: password
       * @example a new long pass phrase
       */
      password: string;
      /** @description The one-time token (printed by `npm run cli -- users:reset-password`) */
      token: string;
    };
    PatchApplicationDto: {
      /**
       * @example project
       * @enum {string}
       */
      applicantType?: 'project' | 'financial_intermediary';
      /**
       * @description integer US dollars
       * @example 780000000
       */
      capexUsd?: number;
      /** @example AR */
      country?: string;
      environment?: components['schemas']['EnvironmentDto'];
      /**
       * @description the version read (or the If-Match header)
       * @example 1
       */
      expectedVersion?: number;
      /**
       * @example usd_matched
       * @enum {string}
       */
      fxExposure?: 'usd_matched' | 'local_cost_exposure' | 'recent_controls' | 'active_controls';
      governance?: components['schemas']['GovernanceDto'];
      /**
       * @example senior_loan
       * @enum {string}
       */
      instrument?:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      location?: components['schemas']['LocationDto'];
      /**
       * @example lithium
       * @enum {string}
       */
      mineral?:
        | 'lithium'
        | 'copper'
        | 'nickel'
        | 'cobalt'
        | 'graphite'
        | 'manganese'
        | 'rare_earths'
        | 'gallium'
        | 'germanium'
        | 'antimony'
        | 'vanadium'
        | 'tungsten'
        | 'tin'
        | 'titanium'
        | 'zinc'
        | 'silver'
        | 'gold';
      /**
       * @example greenfield
       * @enum {string}
       */
      projectPhase?: 'greenfield' | 'brownfield' | 'expansion';
      /** @example Jujuy */
      region?: string;
      /**
       * @description integer US dollars
       * @example 250000000
       */
      requestedAmountUsd?: number;
      social?: components['schemas']['SocialDto'];
      sponsor?: components['schemas']['SponsorDto'];
      /** @example 25 ktpa battery-grade lithium carbonate */
      summary?: string;
      /**
       * @example complex
       * @enum {string}
       */
      technologyMaturity?: 'proven' | 'complex' | 'first_of_kind';
      /** @example 12 */
      tenorYears?: number;
      /** @example Puna Clara DLE lithium carbonate plant */
      title?: string;
      /**
       * @example processing
       * @enum {string}
       */
      valueChainSegment?: 'extraction' | 'processing' | 'refining' | 'recycling';
    };
    PendingApprovalResponseDto: {
      action: components['schemas']['ApprovalAction'];
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      makerId: string;
      /** @description what it is about: a check code, a party name, an assessment or condition id */
      subject: string;
    };
    PolicyRefDto: {
      /** @description SHA-256 (hex) of the canonical JSON of the policy */
      hash: string;
      /** @example FORGE-PP */
      policy: string;
      /** @example 1.0.0 */
      version: string;
    };
    PortfolioPolicyVersionDto: {
      /** Format: date-time */
      activatedAt: string | null;
      /** @description The version every evaluation runs under now */
      active: boolean;
      /** @description The built-in FORGE-PP 1.0.0 (portfolio.md defaults) */
      builtIn: boolean;
      /** Format: date-time */
      decidedAt: string | null;
      /**
       * Format: uuid
       * @description The second admin
       */
      decidedBy: string | null;
      decisionNote: string | null;
      /** Format: uuid */
      id: string;
      /** @description The limits, as proposed */
      params: {
        [key: string]: unknown;
      };
      /** @description SHA-256 of the canonical JSON of params */
      paramsHash: string;
      /** @example FORGE-PP */
      policy: string;
      /** Format: date-time */
      proposedAt: string;
      /**
       * Format: uuid
       * @description The admin who proposed it
       */
      proposedBy: string | null;
      rationale: string | null;
      /** @enum {string} */
      status: 'pending' | 'approved' | 'rejected';
      /** @example 1.0.0 */
      version: string;
    };
    PortfolioViewDto: {
      /** Format: date-time */
      asOf: string;
      categoryMix: components['schemas']['CategoryRowDto'][];
      envelope: components['schemas']['EnvelopeTotalsDto'];
      exposures: components['schemas']['ExposuresDto'];
      frameworkCountries: components['schemas']['FrameworkCountriesDto'];
      funnel: components['schemas']['FunnelRowDto'][];
      limits: components['schemas']['LimitStatusDto'][];
      mobilisation: components['schemas']['MobilisationDto'];
      policy: components['schemas']['PolicyRefDto'];
      riskReduced: components['schemas']['RiskReducedDto'];
    };
    ProblemDetails: {
      /** @description 503 from /health/ready: each dependency and whether it is up */
      checks?: {
        [key: string]: unknown;
      };
      /**
       * @description Stable error code (api.md)
       * @example APPLICATION.GUARD_FAILED
       */
      code: string;
      /** @example cannot move to committee: 1 guard(s) not met */
      detail: string;
      /**
       * @description Field problems `{ field, message }` or unmet guards `{ guard, message }`
       * @example [
       *       {
       *         "guard": "risk.assessment_current",
       *         "message": "the latest risk assessment is stale"
       *       }
       *     ]
       */
      errors?: {
        field?: string;
        guard?: string;
        message: string;
      }[];
      /**
       * @description This occurrence: the request id (also in the X-Request-Id header); never the URL
       * @example urn:forge:request:8f14e45f-ceea-467f-a8e4-5b4c6e1d2a11
       */
      instance?: string;
      /** @example 409 */
      status: number;
      /** @example Conflict */
      title: string;
      /** @example https://forge.example/problems/application-guard-failed */
      type: string;
    };
    ProfileResponseDto: {
      /** @example Ana Officer */
      displayName: string;
      /** @example officer@fund.example */
      email: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      locale: 'en' | 'es' | 'pt-BR';
      /**
       * Format: uuid
       * @description Sponsor users only
       */
      organizationId: string | null;
      /**
       * @example [
       *       "officer"
       *     ]
       */
      roles: ('sponsor' | 'officer' | 'committee' | 'auditor' | 'admin' | 'partner')[];
    };
    ProofBundleAssessmentDto: {
      /** @description { id, inputsHash, modelVersion, paramsHash, applicationVersion, computedAt, result } */
      assessment: Record<string, never>;
      /** @description The exact inputs the model read (canonicalHash(inputs) = inputsHash) */
      inputs: Record<string, never>;
    };
    ProofBundleDto: {
      /** Format: uuid */
      applicationId: string;
      checkpoint: components['schemas']['SignedCheckpointDto'];
      events: components['schemas']['ProofBundleEventDto'][];
      /** @example forge.proof-bundle/1 */
      format: string;
      publicKey: components['schemas']['AuditPublicKeyDto'];
      riskAssessments: components['schemas']['ProofBundleAssessmentDto'][];
    };
    ProofBundleEventDto: {
      event: components['schemas']['AuditEventDto'];
      inclusionProof: components['schemas']['InclusionProofDto'] | null;
    };
    ProposedDisbursementDto: {
      /**
       * Format: uuid
       * @description The pending four-eyes item a second officer approves
       */
      approvalId: string;
      disbursement: components['schemas']['DisbursementResponseDto'];
    };
    ProposedSanctionsListDto: {
      /** @example 18012 */
      entries: number;
      /** @example OFAC SDN 2026-11-27 */
      name: string;
      /** @description SHA-256 the list will have once loaded */
      sha256: string;
    };
    ProposePortfolioPolicyDto: {
      /** @description The whole policy version: `{ policy: "FORGE-PP", version: "1.1.0", limits: [{ code, name, dimension, group, bound, bp, base, blocking }] }` (unknown fields refused) */
      params: {
        [key: string]: unknown;
      };
      /** @example Raise the country limit to 30% for the Andean frameworks */
      rationale: string;
    };
    PublicDecisionDto: {
      /** Format: date-time */
      decidedAt: string;
      /** @enum {string} */
      outcome: 'approved' | 'rejected';
    };
    PublicDisclosureDto: {
      /** Format: date-time */
      disclosedAt: string;
      /**
       * Format: date-time
       * @description When version 1 was disclosed
       */
      firstDisclosedAt: string;
      /** @description The latest version */
      version: number;
    };
    PublicDocumentDto: {
      /** Format: uuid */
      id: string;
      /** @example esia */
      kind: string;
      /** @example application/pdf */
      mediaType: string;
      sha256: string;
      size: number;
      /** @description Download link, no authentication */
      url: string;
    };
    PublicDocumentRefDto: {
      /** Format: uuid */
      id: string;
      /** @example esia */
      kind: string;
      /** @example application/pdf */
      mediaType: string;
      sha256: string;
      size: number;
    };
    PublicProjectDto: {
      /** @enum {string|null} */
      category: 'A' | 'B' | 'C' | 'FI' | null;
      country: string;
      decision: components['schemas']['PublicDecisionDto'] | null;
      disclosure: components['schemas']['PublicDisclosureDto'];
      documents: components['schemas']['PublicDocumentDto'][];
      esReviewSummary: string | null;
      forgeAmountUsd: number;
      /** @enum {string} */
      instrument:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      /** @enum {string} */
      mineral:
        | 'lithium'
        | 'copper'
        | 'nickel'
        | 'cobalt'
        | 'graphite'
        | 'manganese'
        | 'rare_earths'
        | 'gallium'
        | 'germanium'
        | 'antimony'
        | 'vanadium'
        | 'tungsten'
        | 'tin'
        | 'titanium'
        | 'zinc'
        | 'silver'
        | 'gold';
      reference: string;
      region: string;
      sponsorName: string;
      /** @enum {string} */
      status: 'pending_decision' | 'approved' | 'financed' | 'rejected' | 'withdrawn';
      summary: string;
      title: string;
      /** @enum {string} */
      valueChainSegment: 'extraction' | 'processing' | 'refining' | 'recycling';
    };
    PublicProjectListDto: {
      items: components['schemas']['PublicProjectDto'][];
    };
    RecordRepaymentDto: {
      /**
       * @description Integer US dollars
       * @example 10000000
       */
      amountUsd: number;
      expectedVersion?: number;
      note?: string;
      /**
       * Format: date
       * @example 2027-06-30
       */
      valueDate: string;
    };
    RedeliveryResponseDto: {
      /** @enum {string} */
      status: 'pending';
    };
    RegisteredWebhookDto: {
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      /** Format: date-time */
      disabledAt: string | null;
      events: string[];
      /** Format: uuid */
      id: string;
      /**
       * @description The signing secret (Standard Webhooks). Shown once: store it now.
       * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
       */
      secret: string;
      url: string;
    };
    RegisterWebhookRequestDto: {
      description?: string;
      /**
       * @description Audit actions (exact), or * for every one
       * @example [
       *       "application.submitted",
       *       "committee.decided"
       *     ]
       */
      events: string[];
      /** @example https://hooks.partner.example/forge */
      url: string;
    };
    RepaymentResponseDto: {
      amountUsd: number;
      /** Format: uuid */
      id: string;
      note: string | null;
      /** Format: date-time */
      recordedAt: string;
      /** Format: date */
      valueDate: string;
    };
    ReplayReportDto: {
      differences: components['schemas']['AssessmentDifferenceDto'][];
      differencesFromActive: components['schemas']['AssessmentDifferenceDto'][];
      reproduced: boolean;
      /** @description The stored inputs under the active model (the record, or { error }) */
      underActiveModel: {
        [key: string]: unknown;
      };
    };
    ReportIncidentDto: {
      description: string;
      /** @description The application version read; 409 APPLICATION.VERSION_CONFLICT otherwise */
      expectedVersion?: number;
      /** @enum {string} */
      kind:
        'fatality' | 'serious_injury' | 'tailings' | 'spill' | 'community_conflict' | 'security' | 'other';
      /**
       * Format: date-time
       * @description Not in the future
       * @example 2027-03-01T06:30:00Z
       */
      occurredAt: string;
      /** @enum {number} */
      severity: 1 | 2 | 3;
    };
    RequestDisbursementDto: {
      /**
       * @description Integer US dollars
       * @example 40000000
       */
      amountUsd: number;
      /**
       * @description Omitted: the first tranche with money left
       * @example T1
       */
      trancheId?: string;
    };
    ResolveCheckDto: {
      /**
       * @description the version read; or send `If-Match: 3`
       * @example 3
       */
      expectedVersion?: number;
      /** @example Verified against the registry extract */
      note: string;
      /**
       * @example pass
       * @enum {string}
       */
      outcome: 'pass' | 'fail' | 'waived';
    };
    ReviewEsapItemDto: {
      /** @enum {string} */
      decision: 'verify' | 'return';
      /** @description The application version read; 409 APPLICATION.VERSION_CONFLICT otherwise */
      expectedVersion?: number;
      /** @example Wells installed; first quarterly readings on file */
      note: string;
    };
    RiskAssessmentDto: {
      /** Format: uuid */
      applicationId: string;
      /** @example 3 */
      applicationVersion: number;
      /** Format: date-time */
      computedAt: string;
      /** @description null when the rule did not fire */
      conservatismApplied: components['schemas']['ConservatismAppliedDto'] | null;
      /** @description Today's inputs hash and the active model (scoring.md) */
      current: boolean;
      expectedLoss: components['schemas']['ExpectedLossDto'];
      factors: components['schemas']['FactorDto'][];
      /** @description SORT-style floors that raised a band */
      floorsApplied: components['schemas']['FloorAppliedDto'][];
      gross: components['schemas']['ScoreBandDto'];
      /** Format: uuid */
      id: string;
      inputsHash: string;
      jobId: string;
      /** @example 1.0.0 */
      modelVersion: string;
      override: components['schemas']['RiskBandOverrideDto'] | null;
      paramsHash: string;
      /**
       * @description SHA-256 of each reference snapshot read, by kind
       * @example {
       *       "countries": "9c0e…"
       *     }
       */
      referenceSnapshotHashes: {
        [key: string]: string;
      };
      residual: components['schemas']['ScoreBandDto'];
      /**
       * @description G − R in hundredths
       * @example 70
       */
      riskReduction: number;
      /**
       * @description basis points
       * @example 3784
       */
      riskReductionPct: number;
    };
    /** @enum {string} */
    RiskBand: 'low' | 'moderate' | 'substantial' | 'high';
    RiskBandOverrideDto: {
      /** Format: uuid */
      approvalId: string;
      band: components['schemas']['RiskBand'];
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      rationale: string;
    };
    RiskJobDto: {
      /** @example risk.6f1c….3b9e….1.0.0 */
      jobId: string;
    };
    RiskOverrideDto: {
      /**
       * @example substantial
       * @enum {string}
       */
      band: 'low' | 'moderate' | 'substantial' | 'high';
      /** @example Sovereign support letter lowers transfer risk */
      rationale: string;
    };
    RiskReducedDto: {
      /** @description Committed and financed applications counted */
      applications: number;
      /** @description Σ exposure × ELgross ÷ 10,000, US$ per year */
      grossUsdPerYear: number;
      /** @description Expected loss avoided, US$ per year */
      reducedUsdPerYear: number;
      /** @description Σ exposure × ELresidual ÷ 10,000 */
      residualUsdPerYear: number;
      /** @description Committed and financed applications without an assessment */
      withoutAssessment: number;
    };
    RoleChangeResponseDto: {
      /** @description Set (answer 202) when the change grants a role of ROLE_GRANT_APPROVAL (admin by default) and waits for a second admin */
      roleRequest: components['schemas']['RoleRequestResponseDto'] | null;
      user: components['schemas']['AdminUserResponseDto'];
    };
    RoleRequestDecisionDto: {
      /** @example checked with the head of the desk */
      note?: string;
    };
    RoleRequestResponseDto: {
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      decidedAt: string | null;
      /** Format: uuid */
      decidedBy: string | null;
      decisionNote: string | null;
      /** Format: uuid */
      id: string;
      /** @example joins the Andes desk */
      reason: string;
      /**
       * Format: uuid
       * @description The admin who asked (null: the system)
       */
      requestedBy: string | null;
      /**
       * @description The roles asked for (all of them)
       * @example [
       *       "officer"
       *     ]
       */
      rolesAfter: ('sponsor' | 'officer' | 'committee' | 'auditor' | 'admin' | 'partner')[];
      /**
       * @description The roles in force when it was asked
       * @example []
       */
      rolesBefore: ('sponsor' | 'officer' | 'committee' | 'auditor' | 'admin' | 'partner')[];
      /** @enum {string} */
      status: 'pending' | 'approved' | 'rejected';
      /** @example ana.officer@fund.example */
      userEmail: string;
      /** Format: uuid */
      userId: string;
    };
    SanctionsDiffCountsDto: {
      /** @example 14 */
      added: number;
      /**
       * @description same ent_num, different content
       * @example 5
       */
      changed: number;
      /** @example 2 */
      removed: number;
      /** @example 17993 */
      unchanged: number;
    };
    SanctionsEntrySummaryDto: {
      /**
       * @description OFAC ent_num (the entry’s stable identifier)
       * @example 9001
       */
      entNum: number;
      /** @example KRASNOV-ARDILES, Ignacio Tadeo */
      name: string;
      /**
       * @example [
       *       "SDGT"
       *     ]
       */
      programs: string[];
      type: components['schemas']['SdnEntryType'];
    };
    SanctionsListPreviewDto: {
      added: components['schemas']['SanctionsEntrySummaryDto'][];
      changed: components['schemas']['SanctionsEntrySummaryDto'][];
      counts: components['schemas']['SanctionsDiffCountsDto'];
      /** @description null when none is loaded */
      current: components['schemas']['ActiveSanctionsListDto'] | null;
      /** @description the proposed list has the active list’s hash: loading it changes nothing */
      identical: boolean;
      proposed: components['schemas']['ProposedSanctionsListDto'];
      removed: components['schemas']['SanctionsEntrySummaryDto'][];
      /** @description true when a list above was cut at the limit (the counts are complete) */
      truncated: boolean;
    };
    SanctionsListResponseDto: {
      /**
       * @description Number of list entries (ent_num) loaded
       * @example 18000
       */
      entries: number;
      /** Format: uuid */
      id: string;
      /** Format: date-time */
      loadedAt: string;
      /**
       * @description SHA-256 of the canonical JSON of the parsed entries
       * @example a3f1…
       */
      sha256: string;
    };
    SatisfyConditionDto: {
      documentIds?: string[];
      /** @example Signed agreement received on 2026-05-02 */
      evidence: string;
    };
    ScoreBandDto: {
      /** @example high */
      band: components['schemas']['RiskBand'];
      /**
       * @description Score in hundredths (100–400)
       * @example 285
       */
      score: number;
    };
    ScoringJobFailureDto: {
      /** Format: uuid */
      applicationId: string;
      /** @example 1 */
      attempts: number;
      /** Format: date-time */
      failedAt: string;
      jobId: string;
      /** @example SCORING.INVALID_INPUTS: country ZZ is not in the active countries reference data */
      reason: string;
    };
    ScoringModelDto: {
      /** Format: date-time */
      activatedAt: string | null;
      /** @example true */
      active: boolean;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description SHA-256 (hex) of the RFC 8785 JSON of the parameters
       * @example a3f1…
       */
      paramsHash: string;
      /** @example 1.0.0 */
      version: string;
    };
    /**
     * @description the recorded disposition (a false positive once approved)
     * @enum {string}
     */
    ScreeningDisposition: 'true_match' | 'false_positive';
    ScreeningDispositionDto: {
      /**
       * @example false_positive
       * @enum {string}
       */
      disposition: 'true_match' | 'false_positive';
      /**
       * @description the version read; or send `If-Match: 3`
       * @example 3
       */
      expectedVersion?: number;
      /** @example Different date of birth and nationality */
      note: string;
      /** @example Tomas Ibarra Wolff */
      partyName: string;
    };
    ScreeningDispositionRecordResponseDto: {
      /** Format: date-time */
      decidedAt: string;
      /** Format: uuid */
      decidedBy: string;
      disposition: components['schemas']['ScreeningDisposition'];
      note: string | null;
      partyName: string;
    };
    ScreeningPartyResponseDto: {
      /**
       * @description sum of the stakes held directly in this party by blocked parties (OFAC 50% rule), percent
       * @example 0
       */
      blockedStakePct?: number;
      /** @description the recorded disposition (a false positive once approved) */
      disposition: components['schemas']['ScreeningDisposition'] | null;
      /**
       * @description effective ownership of the applicant, percent (two decimals)
       * @example 40
       */
      effectivePct: number;
      /** @description the matched list entry (ent_num) */
      matchedEntNum?: number | null;
      /** @example IBARRA WOLFF, Tomas */
      matchedName: string | null;
      /** @example Tomas Ibarra Wolff */
      name: string;
      /**
       * @description owner names from the applicant down to this party
       * @example [
       *       "Altiplano Resources Holdings S.A.",
       *       "Tomas Ibarra Wolff"
       *     ]
       */
      path: string[];
      /**
       * @description why the party is a hit
       * @enum {string|null}
       */
      reason?: 'exact' | 'similar' | 'non_latin_script' | 'unscreenable' | null;
      result: components['schemas']['ScreeningPartyResult'];
      /**
       * @description Jaro-Winkler similarity 0–1
       * @example 0.93
       */
      similarity: number | null;
      /**
       * @description `organization`: the applicant
       * @enum {string}
       */
      type?: 'person' | 'entity' | 'organization';
    };
    /** @enum {string} */
    ScreeningPartyResult: 'clear' | 'potential_match' | 'match' | 'blocked_by_ownership';
    ScreeningResponseDto: {
      /**
       * @description OFAC 50% rule (checks.md): the sum of the applicant's direct stakes held by blocked parties (listed, or 50%-or-more owned by blocked parties), percent with two decimals; 50 or more blocks
       * @example 50
       */
      blockedOwnershipPct: number;
      dispositions: components['schemas']['ScreeningDispositionRecordResponseDto'][];
      /** @description SHA-256 of the sanctions list screened against */
      listSha256: string;
      /**
       * @description the multiplied (look-through) share of the applicant held by listed parties, percent, truncated to two decimals; for information, it decides nothing
       * @example 25
       */
      lookThroughPct: number;
      parties: components['schemas']['ScreeningPartyResponseDto'][];
      result: components['schemas']['ScreeningResult'];
    };
    /** @enum {string} */
    ScreeningResult: 'clear' | 'review' | 'blocked';
    /** @enum {string} */
    SdnEntryType: 'individual' | 'entity' | 'vessel' | 'aircraft';
    SecondFactorNoticeDto: {
      /**
       * Format: date-time
       * @description Enrol an authenticator app before this time (POST /api/v1/auth/totp/enrolment, then …/confirm): from then on a sign-in without one answers 401 AUTH.TOTP_ENROLMENT_REQUIRED
       * @example 2026-12-03T09:00:00.000Z
       */
      dueAt: string;
      /**
       * @description No second factor is enrolled yet and the account is in its grace period
       * @example enrolment_due
       * @enum {string}
       */
      status: 'enrolment_due';
    };
    SessionRequestDto: {
      /**
       * @description The second factor, for accounts that have one (staff must once their enrolment grace is over, see AUTH.TOTP_REQUIRED): the 6-digit code of the authenticator app, or one of the recovery codes (xxxxx-xxxxx)
       * @example 123456
       */
      code?: string;
      /** @example officer@fund.example */
      email: string;
      /**
       * Format: password
       * @example correct horse battery staple
       */
      password: string;
    };
    SessionResponseDto: {
      /**
       * @description Send it as the x-csrf-token header on every cookie-authenticated request but GET/HEAD/OPTIONS
       * @example k3J5c2V0LXRoaXMtaXMtbm90LWEtcmVhbC10b2tlbi0w
       */
      csrfToken: string;
      /** @description Present only when this staff account has no second factor yet and signed in within its enrolment grace period (AUTH_STAFF_MFA_GRACE_HOURS after its creation): enrol by `dueAt`. Absent otherwise */
      secondFactor?: components['schemas']['SecondFactorNoticeDto'];
      /** @description The signed-in user (the shape of GET /me) */
      user: components['schemas']['UserResponseDto'];
    };
    SetCovenantsDto: {
      /** @description At most 30; checked by the domain field by field */
      covenants: components['schemas']['CovenantDto'][];
      /** @description The application version read; 409 APPLICATION.VERSION_CONFLICT otherwise */
      expectedVersion?: number;
    };
    SetLocaleRequestDto: {
      /**
       * @description the language of my emails
       * @enum {string}
       */
      locale: 'en' | 'es' | 'pt-BR';
    };
    SetTranchesDto: {
      expectedVersion?: number;
      /** @description Summing to the FORGE amount; [] for one tranche */
      tranches: components['schemas']['TrancheDto'][];
    };
    SignedCheckpointDto: {
      /**
       * @description 64 hex digits (RFC 9162 MTH)
       * @example e3b0c442…
       */
      rootHash: string;
      /** @description Base64 Ed25519 signature over RFC 8785 of { treeSize, rootHash, timestamp } */
      signature: string;
      /** @example 2025-03-01T09:15:00.000Z */
      timestamp: string;
      /** @example 1024 */
      treeSize: number;
    };
    SocialDto: {
      /** @example false */
      activeConflict?: boolean;
      /** @example 12 */
      economicDisplacementHouseholds?: number;
      /**
       * @example in_progress
       * @enum {string}
       */
      fpicStatus?: 'not_required' | 'not_started' | 'in_progress' | 'obtained';
      /** @example true */
      indigenousPeoplesPresent?: boolean;
      /** @example 0 */
      physicalResettlementHouseholds?: number;
    };
    SponsorApplicationListResponseDto: {
      /**
       * @description which list this is (the staff list says `staff`) (enum property replaced by openapi-typescript)
       * @enum {string}
       */
      audience: 'sponsor';
      items: components['schemas']['SponsorApplicationSummaryResponseDto'][];
      /** @description pass as `cursor` for the next page */
      nextCursor: string | null;
    };
    SponsorApplicationSummaryResponseDto: {
      /** @example AR */
      country: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** @example lithium */
      mineral: string | null;
      /**
       * Format: uuid
       * @description the sponsor's own organisation
       */
      organizationId: string;
      /** @example FORGE-2026-000042 */
      reference: string;
      stage: components['schemas']['Stage'];
      title: string | null;
      /** Format: date-time */
      updatedAt: string;
      version: number;
    };
    SponsorApplicationViewResponseDto: {
      /**
       * @example project
       * @enum {string}
       */
      applicantType?: 'project' | 'financial_intermediary';
      /**
       * @description which view this is (the staff view says `staff`) (enum property replaced by openapi-typescript)
       * @enum {string}
       */
      audience: 'sponsor';
      /**
       * @description integer US dollars
       * @example 780000000
       */
      capexUsd?: number;
      /** @description the E&S category once an officer confirmed it (never the proposal or its rationale) */
      category: components['schemas']['EsCategory'] | null;
      /** @description the committee's decision (never votes or rationales) */
      committeeDecision: components['schemas']['CommitteeDecision'] | null;
      conditionsPrecedent: components['schemas']['SponsorConditionResponseDto'][];
      /** @description the assigned officer */
      contactOfficer: components['schemas']['ContactOfficerResponseDto'] | null;
      /** @example AR */
      country?: string;
      /** Format: date-time */
      createdAt: string;
      /** @description documents its organisation uploaded */
      documents: components['schemas']['SponsorDocumentResponseDto'][];
      environment?: components['schemas']['EnvironmentDto'];
      /**
       * @example usd_matched
       * @enum {string}
       */
      fxExposure?: 'usd_matched' | 'local_cost_exposure' | 'recent_controls' | 'active_controls';
      governance?: components['schemas']['GovernanceDto'];
      /** Format: uuid */
      id: string;
      informationRequests: components['schemas']['SponsorInformationRequestResponseDto'][];
      /**
       * @example senior_loan
       * @enum {string}
       */
      instrument?:
        | 'senior_loan'
        | 'subordinated_loan'
        | 'guarantee'
        | 'equity'
        | 'political_risk_insurance'
        | 'first_loss';
      location?: components['schemas']['LocationDto'];
      /**
       * @example lithium
       * @enum {string}
       */
      mineral?:
        | 'lithium'
        | 'copper'
        | 'nickel'
        | 'cobalt'
        | 'graphite'
        | 'manganese'
        | 'rare_earths'
        | 'gallium'
        | 'germanium'
        | 'antimony'
        | 'vanadium'
        | 'tungsten'
        | 'tin'
        | 'titanium'
        | 'zinc'
        | 'silver'
        | 'gold';
      /** Format: uuid */
      organizationId: string;
      /**
       * @example greenfield
       * @enum {string}
       */
      projectPhase?: 'greenfield' | 'brownfield' | 'expansion';
      /** @example FORGE-2026-000042 */
      reference: string;
      /** @example Jujuy */
      region?: string;
      /**
       * @description integer US dollars
       * @example 250000000
       */
      requestedAmountUsd?: number;
      social?: components['schemas']['SocialDto'];
      sponsor?: components['schemas']['SponsorDto'];
      /** @example draft */
      stage: components['schemas']['Stage'];
      /** Format: date-time */
      submittedAt: string | null;
      /** @example 25 ktpa battery-grade lithium carbonate */
      summary?: string;
      /**
       * @example complex
       * @enum {string}
       */
      technologyMaturity?: 'proven' | 'complex' | 'first_of_kind';
      /** @example 12 */
      tenorYears?: number;
      /** @description oldest first */
      timeline: components['schemas']['SponsorTimelineEntryResponseDto'][];
      /** @example Puna Clara DLE lithium carbonate plant */
      title?: string;
      /** Format: date-time */
      updatedAt: string;
      /**
       * @example processing
       * @enum {string}
       */
      valueChainSegment?: 'extraction' | 'processing' | 'refining' | 'recycling';
      /**
       * @description optimistic-concurrency version (expectedVersion / If-Match)
       * @example 1
       */
      version: number;
    };
    SponsorConditionResponseDto: {
      /** Format: uuid */
      id: string;
      satisfied: boolean;
      /** Format: date-time */
      satisfiedAt: string | null;
      /** @description what the sponsor must satisfy before financial close */
      text: string;
    };
    SponsorDocumentResponseDto: {
      /** Format: date-time */
      createdAt: string;
      filename: string | null;
      /** Format: uuid */
      id: string;
      kind: components['schemas']['DocumentKind'];
      /** @example application/pdf */
      mediaType: string;
      /** @description SHA-256 of the content, hex */
      sha256: string;
      /** @description bytes */
      size: number;
    };
    SponsorDto: {
      /**
       * @description integer hundredths (1.45x → 145)
       * @example 145
       */
      baseCaseDscr?: number;
      /**
       * @description percent, up to two decimals
       * @example 35
       */
      equityPct?: number;
      /**
       * @example mid_tier
       * @enum {string}
       */
      profile?: 'investment_grade_major' | 'mid_tier' | 'single_asset_junior' | 'first_project';
    };
    SponsorInformationRequestResponseDto: {
      /** @description the input fields its answer amended */
      amendments: {
        [key: string]: unknown;
      } | null;
      /** @description its answer */
      answer: string | null;
      /** Format: date-time */
      answeredAt: string | null;
      /** Format: date-time */
      askedAt: string;
      documentIds: string[];
      /** Format: uuid */
      id: string;
      /** @description the fund's question */
      question: string;
      /** @description the stage it was asked in */
      stage: components['schemas']['Stage'];
      status: components['schemas']['InformationRequestStatus'];
    };
    SponsorTimelineEntryResponseDto: {
      /** Format: date-time */
      at: string;
      /** @description committee_decision only */
      decision?: components['schemas']['CommitteeDecision'];
      kind: components['schemas']['SponsorTimelineKind'];
      /** @description only a text addressed to the sponsor: its own reason, or a note to the sponsor */
      message: string | null;
      /** @description the stage after the event */
      stage: components['schemas']['Stage'] | null;
    };
    /** @enum {string} */
    SponsorTimelineKind:
      | 'created'
      | 'updated'
      | 'submitted'
      | 'stage_changed'
      | 'information_requested'
      | 'information_provided'
      | 'document_added'
      | 'committee_decision'
      | 'rejected'
      | 'withdrawn';
    /** @enum {string} */
    Stage:
      | 'draft'
      | 'submitted'
      | 'screening'
      | 'esg_review'
      | 'financing'
      | 'committee'
      | 'approved'
      | 'financed'
      | 'rejected'
      | 'withdrawn'
      | 'disbursing'
      | 'monitoring'
      | 'repaid'
      | 'written_off';
    SubmitAmrDto: {
      /**
       * Format: uuid
       * @description The report, a document uploaded to this application
       */
      documentId: string;
      /** @description The application version read; 409 APPLICATION.VERSION_CONFLICT otherwise */
      expectedVersion?: number;
      /** @description Every figure; checked by the domain field by field */
      figures: components['schemas']['AmrFiguresDto'];
    };
    SubmitApplicationDto: {
      /**
       * @description the version read; or send `If-Match: 3`
       * @example 3
       */
      expectedVersion?: number;
    };
    TokenRequestDto: {
      /**
       * @description The second factor, for accounts that have one (staff must once their enrolment grace is over, see AUTH.TOTP_REQUIRED): the 6-digit code of the authenticator app, or one of the recovery codes (xxxxx-xxxxx)
       * @example 123456
       */
      code?: string;
      /** @example officer@fund.example */
      email: string;
      /**
       * Format: password
       * @example correct horse battery staple
       */
      password: string;
    };
    TokenResponseDto: {
      /** @example eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9… */
      accessToken: string;
      /**
       * @description Seconds until the token expires
       * @example 900
       */
      expiresIn: number;
      /** @description Present only when this staff account has no second factor yet and signed in within its enrolment grace period (AUTH_STAFF_MFA_GRACE_HOURS after its creation): enrol by `dueAt`. Absent otherwise */
      secondFactor?: components['schemas']['SecondFactorNoticeDto'];
      /**
       * @example Bearer
       * @enum {string}
       */
      tokenType: 'Bearer';
    };
    TotpConfirmRequestDto: {
      /**
       * @description The first code the app shows
       * @example 123456
       */
      code: string;
      /** @example officer@fund.example */
      email: string;
      /**
       * Format: password
       * @example correct horse battery staple
       */
      password: string;
    };
    TotpConfirmResponseDto: {
      /**
       * @description Ten single-use recovery codes, shown this once (only their Argon2id hashes are kept)
       * @example [
       *       "7k3mq-p9x2a"
       *     ]
       */
      recoveryCodes: string[];
    };
    TotpEnrolmentRequestDto: {
      /** @example officer@fund.example */
      email: string;
      /**
       * Format: password
       * @example correct horse battery staple
       */
      password: string;
    };
    TotpEnrolmentResponseDto: {
      /**
       * @description The otpauth:// URI to show as a QR code (SHA-1, 6 digits, 30 s)
       * @example otpauth://totp/FORGE%20Pipeline:officer%40fund.example?secret=JBSW…&issuer=FORGE%20Pipeline
       */
      otpauthUri: string;
      /**
       * @description The TOTP secret (base32), to type into the app when the QR code cannot be scanned
       * @example JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
       */
      secret: string;
    };
    TrancheDto: {
      /**
       * @description Integer US dollars
       * @example 60000000
       */
      amountUsd: number;
      /** @description Condition precedent or ESAP item ids */
      conditionIds: string[];
      /** @example T1 */
      id: string;
    };
    TrancheViewDto: {
      amountUsd: number;
      /** @description What can still be requested */
      availableUsd: number;
      conditionIds: string[];
      disbursedUsd: number;
      id: string;
      /** @description Requested or proposed */
      openUsd: number;
    };
    TransitionDto: {
      /**
       * @description the version read; or send `If-Match: 3`
       * @example 3
       */
      expectedVersion?: number;
      /**
       * @description a message addressed to the sponsor about this move, shown in its timeline (pipeline.md "What a sponsor sees": stage moves with the reasons addressed to it)
       * @example Your application has moved to the ESG review; we will be in touch about the ESIA.
       */
      noteToSponsor?: string;
      /**
       * @description the fund's reason (internal: the sponsor never reads it)
       * @example All screening checks passed
       */
      reason?: string;
      /**
       * @description `rejected` to reject, `financing` from `committee` to defer, `financed` to close
       * @example esg_review
       * @enum {string}
       */
      to:
        | 'draft'
        | 'submitted'
        | 'screening'
        | 'esg_review'
        | 'financing'
        | 'committee'
        | 'approved'
        | 'financed'
        | 'rejected'
        | 'withdrawn'
        | 'disbursing'
        | 'monitoring'
        | 'repaid'
        | 'written_off';
    };
    UpdateEsapItemDto: {
      /** @description Document ids of this application, added to the evidence already attached */
      evidenceDocumentIds?: string[];
      /** @description The application version read; 409 APPLICATION.VERSION_CONFLICT otherwise */
      expectedVersion?: number;
      note?: string;
      /**
       * @description `done` needs evidence
       * @enum {string}
       */
      status?: 'open' | 'in_progress' | 'done';
    };
    UploadedDocumentResponseDto: {
      /** Format: uuid */
      id: string;
      kind: components['schemas']['DocumentKind'];
      /** @example application/pdf */
      mediaType: string;
      /** @description SHA-256 of the content, hex */
      sha256: string;
      /** @description bytes */
      size: number;
    };
    UploadSanctionsListRequestDto: {
      /**
       * @description The text of alt.csv (aliases: ent_num, alt_num, alt_type, alt_name, alt_remarks)
       * @example 9001,101,"aka","KRASNOV, Ignacio","-0-"
       */
      altCsv?: string;
      /**
       * @description A name for this list load
       * @example OFAC SDN 2026-11-27
       */
      name: string;
      /**
       * @description The text of sdn.csv in the OFAC SDN legacy layout (12 fields, no header, `-0-` for empty). Bodies up to MAX_UPLOAD_BYTES are accepted on this route.
       * @example 9001,"KRASNOV-ARDILES, Ignacio Tadeo","individual","DEMO-1","-0-","-0-","-0-","-0-","-0-","-0-","-0-","-0-"
       */
      sdnCsv: string;
    };
    UserResponseDto: {
      /** @example Ana Officer */
      displayName: string;
      /** @example officer@fund.example */
      email: string;
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description Sponsor users only
       */
      organizationId: string | null;
      /**
       * @example [
       *       "officer"
       *     ]
       */
      roles: ('sponsor' | 'officer' | 'committee' | 'auditor' | 'admin' | 'partner')[];
    };
    WatchlistReasonDto: {
      /** Format: date-time */
      addedAt: string;
      /** Format: date-time */
      clearedAt: string | null;
      /** Format: uuid */
      clearedBy: string | null;
      clearNote: string | null;
      detail: string;
      /** @example covenant_breach:2027:DSCR_MIN#1 */
      id: string;
      /** @enum {string} */
      kind: 'covenant_breach' | 'incident' | 'sanctions_match';
      /** @description <year>:<covenant code>, the incident id, or the party path */
      ref: string;
    };
    WatchlistViewDto: {
      /** Format: uuid */
      applicationId: string;
      /** @description While any reason is active */
      onWatchlist: boolean;
      reasons: components['schemas']['WatchlistReasonDto'][];
    };
    WebhookAttemptDto: {
      /** @description The address connected to */
      address: string | null;
      /** Format: date-time */
      attemptedAt: string;
      durationMs: number;
      error: string | null;
      /** @enum {string} */
      outcome: 'delivered' | 'failed' | 'refused';
      statusCode: number | null;
    };
    WebhookDeliveryDto: {
      attempts: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      deliveredAt: string | null;
      eventSeq: number;
      /** @example committee.decided */
      eventType: string;
      /** Format: uuid */
      id: string;
      lastError: string | null;
      lastStatus: number | null;
      log: components['schemas']['WebhookAttemptDto'][];
      /** @description The webhook-id header: the same on every retry */
      messageId: string;
      /** Format: date-time */
      nextAttemptAt: string | null;
      /** @enum {string} */
      status: 'pending' | 'delivered' | 'dead';
    };
    WebhookEndpointDto: {
      /** Format: date-time */
      createdAt: string;
      description: string | null;
      /** Format: date-time */
      disabledAt: string | null;
      events: string[];
      /** Format: uuid */
      id: string;
      url: string;
    };
    WithdrawApplicationDto: {
      /**
       * @description the version read; or send `If-Match: 3`
       * @example 3
       */
      expectedVersion?: number;
      /** @example The sponsor found other financing */
      reason: string;
    };
    WriteOffDto: {
      expectedVersion?: number;
      /** @example The sponsor entered insolvency; recovery is not expected */
      reason: string;
    };
    WriteOffProposedDto: {
      /**
       * Format: uuid
       * @description The pending four-eyes item a second officer approves
       */
      approvalId: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type SchemaAccountStatusRequestDto = components['schemas']['AccountStatusRequestDto'];
export type SchemaActivatedScoringModelDto = components['schemas']['ActivatedScoringModelDto'];
export type SchemaActiveSanctionsListDto = components['schemas']['ActiveSanctionsListDto'];
export type SchemaAdminUserResponseDto = components['schemas']['AdminUserResponseDto'];
export type SchemaAmrFiguresDto = components['schemas']['AmrFiguresDto'];
export type SchemaAmrFiledDto = components['schemas']['AmrFiledDto'];
export type SchemaAnswerInformationRequestDto = components['schemas']['AnswerInformationRequestDto'];
export type SchemaApplicationFinancingResponseDto = components['schemas']['ApplicationFinancingResponseDto'];
export type SchemaApplicationInputDto = components['schemas']['ApplicationInputDto'];
export type SchemaApplicationListResponseDto = components['schemas']['ApplicationListResponseDto'];
export type SchemaApplicationSummaryResponseDto = components['schemas']['ApplicationSummaryResponseDto'];
export type SchemaApplicationViewResponseDto = components['schemas']['ApplicationViewResponseDto'];
export type SchemaApprovalAction = components['schemas']['ApprovalAction'];
export type SchemaApprovalDecisionDto = components['schemas']['ApprovalDecisionDto'];
export type SchemaApprovalListResponseDto = components['schemas']['ApprovalListResponseDto'];
export type SchemaApprovalResponseDto = components['schemas']['ApprovalResponseDto'];
export type SchemaApprovalStatus = components['schemas']['ApprovalStatus'];
export type SchemaAssessmentDifferenceDto = components['schemas']['AssessmentDifferenceDto'];
export type SchemaAssignApplicationDto = components['schemas']['AssignApplicationDto'];
export type SchemaAuditActorDto = components['schemas']['AuditActorDto'];
export type SchemaAuditAlarmDto = components['schemas']['AuditAlarmDto'];
export type SchemaAuditEventDto = components['schemas']['AuditEventDto'];
export type SchemaAuditEventPageDto = components['schemas']['AuditEventPageDto'];
export type SchemaAuditPublicKeyDto = components['schemas']['AuditPublicKeyDto'];
export type SchemaAuditSubjectDto = components['schemas']['AuditSubjectDto'];
export type SchemaAuditTrailEventDto = components['schemas']['AuditTrailEventDto'];
export type SchemaBeneficialOwnerDto = components['schemas']['BeneficialOwnerDto'];
export type SchemaCategoryDto = components['schemas']['CategoryDto'];
export type SchemaCategoryRowDto = components['schemas']['CategoryRowDto'];
export type SchemaChainVerificationDto = components['schemas']['ChainVerificationDto'];
export type SchemaChangeRolesRequestDto = components['schemas']['ChangeRolesRequestDto'];
export type SchemaCheckCode = components['schemas']['CheckCode'];
export type SchemaCheckOutcome = components['schemas']['CheckOutcome'];
export type SchemaCheckpointLogDto = components['schemas']['CheckpointLogDto'];
export type SchemaCheckpointSeriesDto = components['schemas']['CheckpointSeriesDto'];
export type SchemaCheckResponseDto = components['schemas']['CheckResponseDto'];
export type SchemaClearWatchlistReasonDto = components['schemas']['ClearWatchlistReasonDto'];
export type SchemaCloseIncidentDto = components['schemas']['CloseIncidentDto'];
export type SchemaCofinancierDto = components['schemas']['CofinancierDto'];
export type SchemaCofinancierListDto = components['schemas']['CofinancierListDto'];
export type SchemaCofinancingLineDto = components['schemas']['CofinancingLineDto'];
export type SchemaCofinancingLineViewDto = components['schemas']['CofinancingLineViewDto'];
export type SchemaCofinancingListDto = components['schemas']['CofinancingListDto'];
export type SchemaCofinancingViewDto = components['schemas']['CofinancingViewDto'];
export type SchemaCommitCofinancingDto = components['schemas']['CommitCofinancingDto'];
export type SchemaCommitteeDecision = components['schemas']['CommitteeDecision'];
export type SchemaCommitteeDecisionVote = components['schemas']['CommitteeDecisionVote'];
export type SchemaCommitteeResponseDto = components['schemas']['CommitteeResponseDto'];
export type SchemaCommitteeVoteDto = components['schemas']['CommitteeVoteDto'];
export type SchemaCommitteeVoteResponseDto = components['schemas']['CommitteeVoteResponseDto'];
export type SchemaCommitteeVoteStatus = components['schemas']['CommitteeVoteStatus'];
export type SchemaConditionEvidenceResponseDto = components['schemas']['ConditionEvidenceResponseDto'];
export type SchemaConditionPrecedentResponseDto = components['schemas']['ConditionPrecedentResponseDto'];
export type SchemaConservatismAppliedDto = components['schemas']['ConservatismAppliedDto'];
export type SchemaConsistencyProofDto = components['schemas']['ConsistencyProofDto'];
export type SchemaContactOfficerResponseDto = components['schemas']['ContactOfficerResponseDto'];
export type SchemaCountriesResponseDto = components['schemas']['CountriesResponseDto'];
export type SchemaCountryDto = components['schemas']['CountryDto'];
export type SchemaCovenantDto = components['schemas']['CovenantDto'];
export type SchemaCovenantResultDto = components['schemas']['CovenantResultDto'];
export type SchemaCovenantsViewDto = components['schemas']['CovenantsViewDto'];
export type SchemaCreateEsapItemDto = components['schemas']['CreateEsapItemDto'];
export type SchemaCreateOrganizationRequestDto = components['schemas']['CreateOrganizationRequestDto'];
export type SchemaCreateUserRequestDto = components['schemas']['CreateUserRequestDto'];
export type SchemaDecidePortfolioPolicyDto = components['schemas']['DecidePortfolioPolicyDto'];
export type SchemaDeclineDisbursementDto = components['schemas']['DeclineDisbursementDto'];
export type SchemaDisbursementResponseDto = components['schemas']['DisbursementResponseDto'];
export type SchemaDisbursementsViewDto = components['schemas']['DisbursementsViewDto'];
export type SchemaDisclosureContentDto = components['schemas']['DisclosureContentDto'];
export type SchemaDisclosureHistoryDto = components['schemas']['DisclosureHistoryDto'];
export type SchemaDisclosurePackageDto = components['schemas']['DisclosurePackageDto'];
export type SchemaDisclosureRequestDto = components['schemas']['DisclosureRequestDto'];
export type SchemaDocumentKind = components['schemas']['DocumentKind'];
export type SchemaDocumentResponseDto = components['schemas']['DocumentResponseDto'];
export type SchemaEnvelopeTotalsDto = components['schemas']['EnvelopeTotalsDto'];
export type SchemaEnvironmentDto = components['schemas']['EnvironmentDto'];
export type SchemaEsapItemResponseDto = components['schemas']['EsapItemResponseDto'];
export type SchemaEsCategory = components['schemas']['EsCategory'];
export type SchemaExpectedLossDto = components['schemas']['ExpectedLossDto'];
export type SchemaExposureRowDto = components['schemas']['ExposureRowDto'];
export type SchemaExposuresDto = components['schemas']['ExposuresDto'];
export type SchemaFactorCreditDto = components['schemas']['FactorCreditDto'];
export type SchemaFactorDto = components['schemas']['FactorDto'];
export type SchemaFinancingDto = components['schemas']['FinancingDto'];
export type SchemaFinancingResponseDto = components['schemas']['FinancingResponseDto'];
export type SchemaFinancingTrancheDto = components['schemas']['FinancingTrancheDto'];
export type SchemaFloorAppliedDto = components['schemas']['FloorAppliedDto'];
export type SchemaFrameworkCountriesDto = components['schemas']['FrameworkCountriesDto'];
export type SchemaFunnelRowDto = components['schemas']['FunnelRowDto'];
export type SchemaGovernanceDto = components['schemas']['GovernanceDto'];
export type SchemaHealthCheckpointAttemptDto = components['schemas']['HealthCheckpointAttemptDto'];
export type SchemaHealthCheckpointDto = components['schemas']['HealthCheckpointDto'];
export type SchemaHealthCheckpointRefusalDto = components['schemas']['HealthCheckpointRefusalDto'];
export type SchemaHealthIndicatorResponseDto = components['schemas']['HealthIndicatorResponseDto'];
export type SchemaHealthLiveResponseDto = components['schemas']['HealthLiveResponseDto'];
export type SchemaHealthReadyResponseDto = components['schemas']['HealthReadyResponseDto'];
export type SchemaHealthVerificationDto = components['schemas']['HealthVerificationDto'];
export type SchemaIcPackApplicationDto = components['schemas']['IcPackApplicationDto'];
export type SchemaIcPackConditionDto = components['schemas']['IcPackConditionDto'];
export type SchemaIcPackDocumentDto = components['schemas']['IcPackDocumentDto'];
export type SchemaIcPackDto = components['schemas']['IcPackDto'];
export type SchemaInboxEventDto = components['schemas']['InboxEventDto'];
export type SchemaInboxItemDto = components['schemas']['InboxItemDto'];
export type SchemaInboxPageDto = components['schemas']['InboxPageDto'];
export type SchemaIncidentReportedDto = components['schemas']['IncidentReportedDto'];
export type SchemaIncidentResponseDto = components['schemas']['IncidentResponseDto'];
export type SchemaIncidentUpdateDto = components['schemas']['IncidentUpdateDto'];
export type SchemaIncidentUpdateResponseDto = components['schemas']['IncidentUpdateResponseDto'];
export type SchemaInclusionProofDto = components['schemas']['InclusionProofDto'];
export type SchemaInformationRequestResponseDto = components['schemas']['InformationRequestResponseDto'];
export type SchemaInformationRequestStatus = components['schemas']['InformationRequestStatus'];
export type SchemaLatestRiskAssessmentResponseDto = components['schemas']['LatestRiskAssessmentResponseDto'];
export type SchemaLimitStatusDto = components['schemas']['LimitStatusDto'];
export type SchemaLinkTargetDto = components['schemas']['LinkTargetDto'];
export type SchemaLocationDto = components['schemas']['LocationDto'];
export type SchemaMarkReadRequestDto = components['schemas']['MarkReadRequestDto'];
export type SchemaMarkReadResponseDto = components['schemas']['MarkReadResponseDto'];
export type SchemaMineralsResponseDto = components['schemas']['MineralsResponseDto'];
export type SchemaMitigantDto = components['schemas']['MitigantDto'];
export type SchemaMobilisationDto = components['schemas']['MobilisationDto'];
export type SchemaMonitoringReportResponseDto = components['schemas']['MonitoringReportResponseDto'];
export type SchemaOidcProvidersResponseDto = components['schemas']['OidcProvidersResponseDto'];
export type SchemaOpenedInformationRequestResponseDto =
  components['schemas']['OpenedInformationRequestResponseDto'];
export type SchemaOpenInformationRequestDto = components['schemas']['OpenInformationRequestDto'];
export type SchemaOrganizationResponseDto = components['schemas']['OrganizationResponseDto'];
export type SchemaPasswordResetRequestDto = components['schemas']['PasswordResetRequestDto'];
export type SchemaPatchApplicationDto = components['schemas']['PatchApplicationDto'];
export type SchemaPendingApprovalResponseDto = components['schemas']['PendingApprovalResponseDto'];
export type SchemaPolicyRefDto = components['schemas']['PolicyRefDto'];
export type SchemaPortfolioPolicyVersionDto = components['schemas']['PortfolioPolicyVersionDto'];
export type SchemaPortfolioViewDto = components['schemas']['PortfolioViewDto'];
export type SchemaProblemDetails = components['schemas']['ProblemDetails'];
export type SchemaProfileResponseDto = components['schemas']['ProfileResponseDto'];
export type SchemaProofBundleAssessmentDto = components['schemas']['ProofBundleAssessmentDto'];
export type SchemaProofBundleDto = components['schemas']['ProofBundleDto'];
export type SchemaProofBundleEventDto = components['schemas']['ProofBundleEventDto'];
export type SchemaProposedDisbursementDto = components['schemas']['ProposedDisbursementDto'];
export type SchemaProposedSanctionsListDto = components['schemas']['ProposedSanctionsListDto'];
export type SchemaProposePortfolioPolicyDto = components['schemas']['ProposePortfolioPolicyDto'];
export type SchemaPublicDecisionDto = components['schemas']['PublicDecisionDto'];
export type SchemaPublicDisclosureDto = components['schemas']['PublicDisclosureDto'];
export type SchemaPublicDocumentDto = components['schemas']['PublicDocumentDto'];
export type SchemaPublicDocumentRefDto = components['schemas']['PublicDocumentRefDto'];
export type SchemaPublicProjectDto = components['schemas']['PublicProjectDto'];
export type SchemaPublicProjectListDto = components['schemas']['PublicProjectListDto'];
export type SchemaRecordRepaymentDto = components['schemas']['RecordRepaymentDto'];
export type SchemaRedeliveryResponseDto = components['schemas']['RedeliveryResponseDto'];
export type SchemaRegisteredWebhookDto = components['schemas']['RegisteredWebhookDto'];
export type SchemaRegisterWebhookRequestDto = components['schemas']['RegisterWebhookRequestDto'];
export type SchemaRepaymentResponseDto = components['schemas']['RepaymentResponseDto'];
export type SchemaReplayReportDto = components['schemas']['ReplayReportDto'];
export type SchemaReportIncidentDto = components['schemas']['ReportIncidentDto'];
export type SchemaRequestDisbursementDto = components['schemas']['RequestDisbursementDto'];
export type SchemaResolveCheckDto = components['schemas']['ResolveCheckDto'];
export type SchemaReviewEsapItemDto = components['schemas']['ReviewEsapItemDto'];
export type SchemaRiskAssessmentDto = components['schemas']['RiskAssessmentDto'];
export type SchemaRiskBand = components['schemas']['RiskBand'];
export type SchemaRiskBandOverrideDto = components['schemas']['RiskBandOverrideDto'];
export type SchemaRiskJobDto = components['schemas']['RiskJobDto'];
export type SchemaRiskOverrideDto = components['schemas']['RiskOverrideDto'];
export type SchemaRiskReducedDto = components['schemas']['RiskReducedDto'];
export type SchemaRoleChangeResponseDto = components['schemas']['RoleChangeResponseDto'];
export type SchemaRoleRequestDecisionDto = components['schemas']['RoleRequestDecisionDto'];
export type SchemaRoleRequestResponseDto = components['schemas']['RoleRequestResponseDto'];
export type SchemaSanctionsDiffCountsDto = components['schemas']['SanctionsDiffCountsDto'];
export type SchemaSanctionsEntrySummaryDto = components['schemas']['SanctionsEntrySummaryDto'];
export type SchemaSanctionsListPreviewDto = components['schemas']['SanctionsListPreviewDto'];
export type SchemaSanctionsListResponseDto = components['schemas']['SanctionsListResponseDto'];
export type SchemaSatisfyConditionDto = components['schemas']['SatisfyConditionDto'];
export type SchemaScoreBandDto = components['schemas']['ScoreBandDto'];
export type SchemaScoringJobFailureDto = components['schemas']['ScoringJobFailureDto'];
export type SchemaScoringModelDto = components['schemas']['ScoringModelDto'];
export type SchemaScreeningDisposition = components['schemas']['ScreeningDisposition'];
export type SchemaScreeningDispositionDto = components['schemas']['ScreeningDispositionDto'];
export type SchemaScreeningDispositionRecordResponseDto =
  components['schemas']['ScreeningDispositionRecordResponseDto'];
export type SchemaScreeningPartyResponseDto = components['schemas']['ScreeningPartyResponseDto'];
export type SchemaScreeningPartyResult = components['schemas']['ScreeningPartyResult'];
export type SchemaScreeningResponseDto = components['schemas']['ScreeningResponseDto'];
export type SchemaScreeningResult = components['schemas']['ScreeningResult'];
export type SchemaSdnEntryType = components['schemas']['SdnEntryType'];
export type SchemaSecondFactorNoticeDto = components['schemas']['SecondFactorNoticeDto'];
export type SchemaSessionRequestDto = components['schemas']['SessionRequestDto'];
export type SchemaSessionResponseDto = components['schemas']['SessionResponseDto'];
export type SchemaSetCovenantsDto = components['schemas']['SetCovenantsDto'];
export type SchemaSetLocaleRequestDto = components['schemas']['SetLocaleRequestDto'];
export type SchemaSetTranchesDto = components['schemas']['SetTranchesDto'];
export type SchemaSignedCheckpointDto = components['schemas']['SignedCheckpointDto'];
export type SchemaSocialDto = components['schemas']['SocialDto'];
export type SchemaSponsorApplicationListResponseDto =
  components['schemas']['SponsorApplicationListResponseDto'];
export type SchemaSponsorApplicationSummaryResponseDto =
  components['schemas']['SponsorApplicationSummaryResponseDto'];
export type SchemaSponsorApplicationViewResponseDto =
  components['schemas']['SponsorApplicationViewResponseDto'];
export type SchemaSponsorConditionResponseDto = components['schemas']['SponsorConditionResponseDto'];
export type SchemaSponsorDocumentResponseDto = components['schemas']['SponsorDocumentResponseDto'];
export type SchemaSponsorDto = components['schemas']['SponsorDto'];
export type SchemaSponsorInformationRequestResponseDto =
  components['schemas']['SponsorInformationRequestResponseDto'];
export type SchemaSponsorTimelineEntryResponseDto = components['schemas']['SponsorTimelineEntryResponseDto'];
export type SchemaSponsorTimelineKind = components['schemas']['SponsorTimelineKind'];
export type SchemaStage = components['schemas']['Stage'];
export type SchemaSubmitAmrDto = components['schemas']['SubmitAmrDto'];
export type SchemaSubmitApplicationDto = components['schemas']['SubmitApplicationDto'];
export type SchemaTokenRequestDto = components['schemas']['TokenRequestDto'];
export type SchemaTokenResponseDto = components['schemas']['TokenResponseDto'];
export type SchemaTotpConfirmRequestDto = components['schemas']['TotpConfirmRequestDto'];
export type SchemaTotpConfirmResponseDto = components['schemas']['TotpConfirmResponseDto'];
export type SchemaTotpEnrolmentRequestDto = components['schemas']['TotpEnrolmentRequestDto'];
export type SchemaTotpEnrolmentResponseDto = components['schemas']['TotpEnrolmentResponseDto'];
export type SchemaTrancheDto = components['schemas']['TrancheDto'];
export type SchemaTrancheViewDto = components['schemas']['TrancheViewDto'];
export type SchemaTransitionDto = components['schemas']['TransitionDto'];
export type SchemaUpdateEsapItemDto = components['schemas']['UpdateEsapItemDto'];
export type SchemaUploadedDocumentResponseDto = components['schemas']['UploadedDocumentResponseDto'];
export type SchemaUploadSanctionsListRequestDto = components['schemas']['UploadSanctionsListRequestDto'];
export type SchemaUserResponseDto = components['schemas']['UserResponseDto'];
export type SchemaWatchlistReasonDto = components['schemas']['WatchlistReasonDto'];
export type SchemaWatchlistViewDto = components['schemas']['WatchlistViewDto'];
export type SchemaWebhookAttemptDto = components['schemas']['WebhookAttemptDto'];
export type SchemaWebhookDeliveryDto = components['schemas']['WebhookDeliveryDto'];
export type SchemaWebhookEndpointDto = components['schemas']['WebhookEndpointDto'];
export type SchemaWithdrawApplicationDto = components['schemas']['WithdrawApplicationDto'];
export type SchemaWriteOffDto = components['schemas']['WriteOffDto'];
export type SchemaWriteOffProposedDto = components['schemas']['WriteOffProposedDto'];
export type $defs = Record<string, never>;
export interface operations {
  AdminController_listOrganizations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationResponseDto'][];
        };
      };
      /** @description No or bad credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AdminController_createOrganization: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateOrganizationRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OrganizationResponseDto'];
        };
      };
      /** @description VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description CONFLICT: same country and registration number */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PortfolioPolicyController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortfolioPolicyVersionDto'][];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PortfolioPolicyController_propose: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ProposePortfolioPolicyDto'];
      };
    };
    responses: {
      /** @description the pending version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortfolioPolicyVersionDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description POLICY.PROPOSAL_PENDING (decide the pending one first), POLICY.VERSION_EXISTS */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PortfolioPolicyController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecidePortfolioPolicyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortfolioPolicyVersionDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPROVAL.SELF_APPROVAL: the proposer does not decide */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description POLICY.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description POLICY.NOT_PENDING */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PortfolioPolicyController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DecidePortfolioPolicyDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortfolioPolicyVersionDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPROVAL.SELF_APPROVAL: the proposer does not decide */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description POLICY.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description POLICY.NOT_PENDING */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReferenceController_uploadSanctionsList: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UploadSanctionsListRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SanctionsListResponseDto'];
        };
      };
      /** @description SANCTIONS.MALFORMED_LIST (naming file and line) or VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: over MAX_UPLOAD_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReferenceController_previewSanctionsList: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UploadSanctionsListRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SanctionsListPreviewDto'];
        };
      };
      /** @description SANCTIONS.MALFORMED_LIST (naming file and line) or VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE: over MAX_UPLOAD_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AdminController_listRoleRequests: {
    parameters: {
      query?: {
        status?: 'pending' | 'approved' | 'rejected';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleRequestResponseDto'][];
        };
      };
      /** @description VALIDATION.FAILED: unknown status */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AdminController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        requestId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RoleRequestDecisionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleChangeResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPROVAL.SELF_APPROVAL or AUTH.SELF_ADMINISTRATION */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description ROLE_REQUEST.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPROVAL.ALREADY_DECIDED or AUTH.ROLE_REQUEST_STALE */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AdminController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        requestId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RoleRequestDecisionDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleChangeResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.SELF_ADMINISTRATION */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description ROLE_REQUEST.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPROVAL.ALREADY_DECIDED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RiskController_activate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActivatedScoringModelDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description SCORING_MODEL.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AdminController_listUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUserResponseDto'][];
        };
      };
      /** @description No or bad credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AdminController_createUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUserRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUserResponseDto'];
        };
      };
      /** @description VALIDATION.FAILED (e.g. sponsor without an existing organizationId, admin with officer) or AUTH.PASSWORD_REJECTED (too short, blank, common, derived from the email) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description CONFLICT: the email is taken */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AdminController_getUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUserResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description USER.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AdminController_disable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AccountStatusRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUserResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.SELF_ADMINISTRATION */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description USER.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description CONFLICT: already disabled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AdminController_enable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AccountStatusRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUserResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.SELF_ADMINISTRATION */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description USER.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description CONFLICT: not disabled */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AdminController_changeRoles: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeRolesRequestDto'];
      };
    };
    responses: {
      /** @description Applied */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleChangeResponseDto'];
        };
      };
      /** @description Waiting for a second admin */
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleChangeResponseDto'];
        };
      };
      /** @description VALIDATION.FAILED (e.g. admin with officer, sponsor with staff) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad credentials */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.SELF_ADMINISTRATION */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description USER.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.ROLE_REQUEST_PENDING, or CONFLICT: the same roles */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SecondFactorController_reset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AccountStatusRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AdminUserResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.SELF_ADMINISTRATION */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description USER.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.TOTP_NOT_ENROLLED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  WebhooksController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointDto'][];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  WebhooksController_register: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterWebhookRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegisteredWebhookDto'];
        };
      };
      /** @description VALIDATION.FAILED (bad URL, a destination that is not public, bad event types) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  WebhooksController_deliveries: {
    parameters: {
      query?: {
        limit?: number;
        status?: 'pending' | 'delivered' | 'dead';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDeliveryDto'][];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description WEBHOOK.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  WebhooksController_redeliver: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        deliveryId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RedeliveryResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description WEBHOOK.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description WEBHOOK.STATE_CONFLICT: still pending */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  WebhooksController_disable: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookEndpointDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: not an admin */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description WEBHOOK.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApplicationsController_list: {
    parameters: {
      query?: {
        /** @description assignee user id, or `none` for the applications nobody is assigned to */
        assignee?: string;
        category?: 'A' | 'B' | 'C' | 'FI';
        country?: string;
        /** @description opaque keyset cursor from the previous page */
        cursor?: string;
        limit?: number;
        mineral?: string;
        /** @description `true`: only applications with waiting work past its due time (`dueAt` at or before now); `false`: only the others (docs/notifications.md) */
        overdue?: boolean;
        /** @description a case-insensitive substring of the title, the reference or the organisation's name (`%` and `_` are literal, not wildcards) */
        q?: string;
        residualBand?: 'low' | 'moderate' | 'substantial' | 'high';
        /** @description `newest`: newest first. `due`: the work queue order: earliest `dueAt` first (overdue work leads, the longest overdue first), then applications without a due time; a cursor is valid only with the sort it came from */
        sort?: 'newest' | 'due';
        stage?:
          | 'draft'
          | 'submitted'
          | 'screening'
          | 'esg_review'
          | 'financing'
          | 'committee'
          | 'approved'
          | 'financed'
          | 'rejected'
          | 'withdrawn'
          | 'disbursing'
          | 'monitoring'
          | 'repaid'
          | 'written_off';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description staff: the staff summaries; a sponsor: its own applications in the sponsor summary; a partner: those its organisation co-finances from committee on, in the sponsor summary */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | components['schemas']['ApplicationListResponseDto']
            | components['schemas']['SponsorApplicationListResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApplicationsController_create: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApplicationInputDto'];
      };
    };
    responses: {
      /** @description the sponsor view, stage draft, version 1, reference FORGE-YYYY-NNNNNN */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SponsorApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApplicationsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description staff: the application view of api.md; a sponsor, or a partner of a co-financed application from committee on: the sponsor view (pipeline.md) */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | components['schemas']['ApplicationViewResponseDto']
            | components['schemas']['SponsorApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description absent, another organisation’s (sponsor), or not co-financed by its organisation (partner) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApplicationsController_patch: {
    parameters: {
      query?: never;
      header: {
        'if-match': string;
        /** @description the version read (alternative to expectedVersion) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PatchApplicationDto'];
      };
    };
    responses: {
      /** @description the sponsor view */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SponsorApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.VERSION_CONFLICT or not a draft */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApplicationsController_assign: {
    parameters: {
      query?: never;
      header: {
        'if-match': string;
        /** @description the version read (alternative to expectedVersion) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignApplicationDto'];
      };
    };
    responses: {
      /** @description the application view */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Stale version, concurrent change, guard failed or invalid transition */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApplicationAuditController_auditTrail: {
    parameters: {
      query?: {
        /** @description Keyset cursor: events with seq > afterSeq */
        afterSeq?: number;
        limit?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditEventPageDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Role may not read the decision trail */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (absent, or another organisation’s) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReviewController_category: {
    parameters: {
      query?: never;
      header: {
        'if-match': string;
        /** @description the version read (alternative to expectedVersion) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CategoryDto'];
      };
    };
    responses: {
      /** @description the application view */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Stale version, concurrent change, guard failed or invalid transition */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReviewController_resolveCheck: {
    parameters: {
      query?: never;
      header: {
        'if-match': string;
        /** @description the version read (alternative to expectedVersion) */
        'If-Match'?: string;
      };
      path: {
        /** @description a check code of checks.md */
        code: components['schemas']['CheckCode'];
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResolveCheckDto'];
      };
    };
    responses: {
      /** @description the application view */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description CHECK.RESOLUTION_CONFLICT, APPROVAL.DUPLICATE, VERSION_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CofinancingController_view: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CofinancingViewDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (absent, or not co-financed by your organisation) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CofinancingController_commit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommitCofinancingDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CofinancingViewDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND, COFINANCING.NOT_FOUND (no such line of yours) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description COFINANCING.INVALID_STATUS (not indicated) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CommitteeController_pack: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          /** @description the committee round the pack was frozen for */
          'X-Committee-Round'?: number;
          /** @description when the round opened and the pack was frozen (ISO-8601) */
          'X-IC-Pack-Frozen-At'?: string;
          /** @description SHA-256 (hex) of the RFC 8785 canonical JSON of the body */
          'X-IC-Pack-Hash'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IcPackDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND, COMMITTEE.PACK_NOT_FOUND (never put to the committee) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CommitteeController_vote: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommitteeVoteDto'];
      };
    };
    responses: {
      /** @description the application view (blind: others' votes show as voted or recused until the round closes); decided when this vote completed the round */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description COMMITTEE.NOT_ELIGIBLE (not on the round's list, the mover, recused) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description COMMITTEE.ALREADY_VOTED, COMMITTEE.ROUND_CLOSED (closed or past its deadline), APPLICATION.INVALID_TRANSITION */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CommitteeController_satisfy: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        cpId: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SatisfyConditionDto'];
      };
    };
    responses: {
      /** @description the pending item */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Stale version, concurrent change, guard failed or invalid transition */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_covenants: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CovenantsViewDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_setCovenants: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetCovenantsDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CovenantsViewDto'];
        };
      };
      /** @description VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.VERSION_CONFLICT, APPLICATION.INVALID_TRANSITION */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MonitoringController_view: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisbursementsViewDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MonitoringController_request: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestDisbursementDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisbursementResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.GUARD_FAILED (disbursement.within_amount), APPLICATION.INVALID_TRANSITION */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MonitoringController_decline: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        did: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DeclineDisbursementDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisbursementResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description DISBURSEMENT.STATE_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MonitoringController_propose: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        did: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProposedDisbursementDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.GUARD_FAILED (disbursement.conditions), DISBURSEMENT.STATE_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  DisclosureController_history: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisclosureHistoryDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  DisclosureController_publish: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DisclosureRequestDto'];
      };
    };
    responses: {
      /** @description the new version */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisclosurePackageDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description DISCLOSURE.WRONG_STAGE (outside esg_review … committee), DISCLOSURE.UNCHANGED (the same as the latest version) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  DocumentsController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
          /** @enum {string} */
          kind:
            | 'esia'
            | 'independent_es_review'
            | 'fpic_evidence'
            | 'gistm_evidence'
            | 'ownership_evidence'
            | 'financial_model'
            | 'other'
            | 'pri_policy'
            | 'offtake_agreement'
            | 'hedge_confirmation'
            | 'epc_contract'
            | 'completion_guarantee'
            | 'first_loss_agreement'
            | 'guarantee_agreement'
            | 'water_study'
            | 'dsra_agreement';
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadedDocumentResponseDto'];
        };
      };
      /** @description DOCUMENT.CONTENT_MISMATCH or a missing field */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Stale version, concurrent change, guard failed or invalid transition */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description larger than MAX_UPLOAD_BYTES, or DOCUMENT.QUOTA_EXCEEDED: the application would hold more than DOCUMENTS_MAX_PER_APPLICATION documents or DOCUMENTS_MAX_BYTES_PER_APPLICATION bytes */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description not an accepted type (PDF, PNG, JPEG, DOCX, XLSX, text, CSV) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description DOCUMENT.UPLOAD_LIMIT: more than UPLOADS_CONCURRENT_PER_USER uploads in flight, or UPLOAD_BYTES_PER_USER_HOUR bytes in the last hour; see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_esap: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EsapItemResponseDto'][];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_createEsap: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateEsapItemDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EsapItemResponseDto'];
        };
      };
      /** @description VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.VERSION_CONFLICT, APPLICATION.INVALID_TRANSITION */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_updateEsap: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateEsapItemDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EsapItemResponseDto'];
        };
      };
      /** @description VALIDATION.FAILED (done without evidence, unknown documents) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description ESAP.STATE_CONFLICT, APPLICATION.VERSION_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_reviewEsap: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
        itemId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReviewEsapItemDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EsapItemResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description ESAP.STATE_CONFLICT (not done), APPLICATION.VERSION_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReviewController_financing: {
    parameters: {
      query?: never;
      header: {
        'if-match': string;
        /** @description the version read (alternative to expectedVersion) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['FinancingDto'];
      };
    };
    responses: {
      /** @description the application view */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Stale version, concurrent change, guard failed or invalid transition */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_incidents: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IncidentResponseDto'][];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_reportIncident: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReportIncidentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IncidentReportedDto'];
        };
      };
      /** @description VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.INVALID_TRANSITION (not a financed project) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_closeIncident: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
        incidentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloseIncidentDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IncidentResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description INCIDENT.STATE_CONFLICT (already closed) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_updateIncident: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
        incidentId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['IncidentUpdateDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['IncidentResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description INCIDENT.STATE_CONFLICT (closed) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReviewController_openInformationRequest: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['OpenInformationRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OpenedInformationRequestResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Stale version, concurrent change, guard failed or invalid transition */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReviewController_answer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        rid: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AnswerInformationRequestDto'];
      };
    };
    responses: {
      /** @description the sponsor view */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SponsorApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description no such application or request */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description already answered */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_reports: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MonitoringReportResponseDto'][];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_submitAmr: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubmitAmrDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AmrFiledDto'];
        };
      };
      /** @description VALIDATION.FAILED (figures, year, document) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AMR.YEAR_CONFLICT, APPLICATION.INVALID_TRANSITION */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApplicationAuditController_proofBundle: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProofBundleDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Role may not read the decision trail */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (absent, or another organisation’s) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MonitoringController_repay: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RecordRepaymentDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisbursementsViewDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.GUARD_FAILED (repayment.within_outstanding), APPLICATION.INVALID_TRANSITION */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RiskController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RiskAssessmentDto'][];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (also another organisation's) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RiskController_request: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RiskJobDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description RISK.APPLICATION_NOT_OPEN: draft or closed application */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RiskController_failures: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScoringJobFailureDto'][];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReviewController_disposition: {
    parameters: {
      query?: never;
      header: {
        'if-match': string;
        /** @description the version read (alternative to expectedVersion) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ScreeningDispositionDto'];
      };
    };
    responses: {
      /** @description the application view */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Stale version, concurrent change, guard failed or invalid transition */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApplicationsController_submit: {
    parameters: {
      query?: never;
      header: {
        'if-match': string;
        /** @description the version read (alternative to expectedVersion) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubmitApplicationDto'];
      };
    };
    responses: {
      /** @description the sponsor view, stage submitted */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SponsorApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.GUARD_FAILED listing missing fields, or VERSION_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MonitoringController_setTranches: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetTranchesDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisbursementsViewDto'];
        };
      };
      /** @description VALIDATION.FAILED (sum, ids, unknown conditions) */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.VERSION_CONFLICT, APPLICATION.INVALID_TRANSITION */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApplicationsController_transition: {
    parameters: {
      query?: never;
      header: {
        'if-match': string;
        /** @description the version read (alternative to expectedVersion) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TransitionDto'];
      };
    };
    responses: {
      /** @description the application view */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.GUARD_FAILED with errors [{ guard, message }], INVALID_TRANSITION */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_watchlistView: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WatchlistViewDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProjectMonitoringController_clearWatchlist: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ClearWatchlistReasonDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WatchlistViewDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description WATCHLIST.NOT_FOUND (no active reason by that id) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Stale version, concurrent change, guard failed or invalid transition */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApplicationsController_withdraw: {
    parameters: {
      query?: never;
      header: {
        'if-match': string;
        /** @description the version read (alternative to expectedVersion) */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WithdrawApplicationDto'];
      };
    };
    responses: {
      /** @description the sponsor view, stage withdrawn */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SponsorApplicationViewResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Stale version, concurrent change, guard failed or invalid transition */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MonitoringController_writeOff: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WriteOffDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WriteOffProposedDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.NOT_FOUND (or another organisation’s, for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPLICATION.INVALID_TRANSITION, APPROVAL.DUPLICATE */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApprovalsController_list: {
    parameters: {
      query?: {
        applicationId?: string;
        limit?: number;
        status?: 'pending' | 'approved' | 'rejected';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalListResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApprovalsController_approve: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApprovalDecisionDto'];
      };
    };
    responses: {
      /** @description the decided item */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPROVAL.SELF_APPROVAL */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPROVAL.ALREADY_DECIDED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApprovalsController_reject: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ApprovalDecisionDto'];
      };
    };
    responses: {
      /** @description the decided item */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPROVAL.SELF_APPROVAL */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Stale version, concurrent change, guard failed or invalid transition */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuditController_createCheckpoint: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedCheckpointDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Role may not read the decision trail */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUDIT.CHAIN_BROKEN: the chain does not verify from the previous signed checkpoint; AUDIT.CHECKPOINT_REFUSED: the checkpoint series disagrees with its copy outside the database, or the last verification failed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuditController_latest: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedCheckpointDto'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Role may not read the decision trail */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUDIT.CHECKPOINT_NOT_FOUND: none signed yet */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuditController_consistencyProof: {
    parameters: {
      query: {
        from: number;
        to: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsistencyProofDto'];
        };
      };
      /** @description from > to or not integers */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Role may not read the decision trail */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUDIT.TREE_SIZE_UNAVAILABLE: to is beyond the checkpointed tree */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuditController_events: {
    parameters: {
      query?: {
        action?: string;
        /** @description Only events by this actor id (a user id, or "system") */
        actorId?: string;
        /** @description Keyset cursor: events with seq > afterSeq */
        afterSeq?: number;
        /** @description Only events of this application */
        applicationId?: string;
        /** @description occurredAt ≥ from (ISO-8601) */
        from?: string;
        limit?: number;
        /** @description occurredAt < to (ISO-8601) */
        to?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditEventPageDto'];
        };
      };
      /** @description Invalid filter or limit */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Role may not read the decision trail */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuditController_inclusionProof: {
    parameters: {
      query?: {
        /** @description Tree size (default: the latest checkpoint’s) */
        treeSize?: number;
      };
      header?: never;
      path: {
        seq: number;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InclusionProofDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Role may not read the decision trail */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUDIT.EVENT_NOT_FOUND or AUDIT.CHECKPOINT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUDIT.TREE_SIZE_UNAVAILABLE (beyond the checkpointed tree) or AUDIT.SEQ_NOT_IN_TREE */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuditController_export: {
    parameters: {
      query?: {
        action?: string;
        /** @description Only events by this actor id (a user id, or "system") */
        actorId?: string;
        /** @description Only events of this application */
        applicationId?: string;
        format?: 'jsonl' | 'csv';
        /** @description occurredAt ≥ from (ISO-8601) */
        from?: string;
        /** @description First seq (inclusive) */
        fromSeq?: number;
        /** @description occurredAt < to (ISO-8601) */
        to?: string;
        /** @description Last seq (inclusive) */
        toSeq?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description JSONL: each line is exactly the hashed object plus hash; CSV: JSON columns as text, formula-like cells prefixed with a quote */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/x-ndjson': string;
          'text/csv': string;
        };
      };
      /** @description Invalid filter */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Role may not read the decision trail */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuditController_publicKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditPublicKeyDto'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Role may not read the decision trail */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuditController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ChainVerificationDto'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Role may not read the decision trail */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  OidcController_callback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the console, signed in (or with signInError) */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description AUTH.OIDC_NOT_CONFIGURED */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  OidcController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the provider's authorization endpoint */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description AUTH.OIDC_FAILED: the provider cannot be reached */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.OIDC_NOT_CONFIGURED */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuthController_resetPassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PasswordResetRequestDto'];
      };
    };
    responses: {
      /** @description The password is changed */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description AUTH.INVALID_RESET_TOKEN (unknown, used or expired) or AUTH.PASSWORD_REJECTED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  OidcController_providers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['OidcProvidersResponseDto'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SessionController_current: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponseDto'];
        };
      };
      /** @description AUTH.UNAUTHENTICATED or AUTH.INVALID_SESSION */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SessionController_signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SessionRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionResponseDto'];
        };
      };
      /** @description VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.INVALID_CREDENTIALS (unknown email or wrong password); AUTH.TOTP_REQUIRED, AUTH.TOTP_INVALID, or AUTH.TOTP_ENROLMENT_REQUIRED (a staff account without a second factor, past its grace period) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description RATE_LIMITED: too many failed sign-ins (Retry-After) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SessionController_signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Signed out */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description AUTH.CSRF: x-csrf-token missing or wrong */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuthController_token: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TokenRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TokenResponseDto'];
        };
      };
      /** @description VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.INVALID_CREDENTIALS (unknown email or wrong password); AUTH.TOTP_REQUIRED, AUTH.TOTP_INVALID, or AUTH.TOTP_ENROLMENT_REQUIRED (a staff account without a second factor, past its grace period) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description RATE_LIMITED: too many failed sign-ins (Retry-After) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SecondFactorController_startEnrolment: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TotpEnrolmentRequestDto'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TotpEnrolmentResponseDto'];
        };
      };
      /** @description VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.INVALID_CREDENTIALS */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.TOTP_ALREADY_ENROLLED: an admin resets it first */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description RATE_LIMITED (Retry-After) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  SecondFactorController_confirmEnrolment: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['TotpConfirmRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['TotpConfirmResponseDto'];
        };
      };
      /** @description VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.INVALID_CREDENTIALS or AUTH.TOTP_INVALID (wrong code) */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.TOTP_NOT_PENDING: no enrolment started, or already done */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description RATE_LIMITED (Retry-After) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CofinancingController_cofinanciers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CofinancierListDto'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  CofinancingController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CofinancingListDto'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  DocumentsController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file, with its media type */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          '*/*': string;
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description absent, or of an application the caller may not read */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  AuthController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProfileResponseDto'];
        };
      };
      /** @description No, bad or expired credentials, or a disabled or changed account */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ProfileController_update: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetLocaleRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ProfileResponseDto'];
        };
      };
      /** @description VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  InboxController_inbox: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page */
        cursor?: string;
        limit?: number;
        /** @description open: work still awaiting you and unread news; unread; all */
        status?: 'open' | 'unread' | 'all';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InboxPageDto'];
        };
      };
      /** @description VALIDATION.FAILED */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  InboxController_markRead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['MarkReadRequestDto'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MarkReadResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description INBOX.NOT_FOUND: an id is not an item of your inbox */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PortfolioController_view: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PortfolioViewDto'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PortfolioController_exposures: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description RFC 4180 CSV with a header line: reference, stage, country, framework_country, mineral, segment, instrument, category, forge_amount_usd, exposure_usd, share_of_envelope_pct, el_gross_bp, el_residual_bp, el_gross_usd_per_year, el_residual_usd_per_year, risk_reduced_usd_per_year, private_mobilisation_usd, mobilisation_ratio */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN: sponsors and partners do not read the portfolio */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PublicController_iati: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/xml': string;
        };
      };
      /** @description RATE_LIMITED: PUBLIC_RATE_LIMIT_PER_MINUTE per client address over the public routes (besides the global RATE_LIMIT_PER_MINUTE), with Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PublicController_projects: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublicProjectListDto'];
        };
      };
      /** @description RATE_LIMITED: PUBLIC_RATE_LIMIT_PER_MINUTE per client address over the public routes (besides the global RATE_LIMIT_PER_MINUTE), with Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PublicController_project: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        reference: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PublicProjectDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description PUBLIC_PROJECT.NOT_FOUND: nothing disclosed under this reference */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description RATE_LIMITED: PUBLIC_RATE_LIMIT_PER_MINUTE per client address over the public routes (besides the global RATE_LIMIT_PER_MINUTE), with Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  PublicController_document: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        documentId: string;
        reference: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description the file, with its media type */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          '*/*': string;
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description PUBLIC_PROJECT.NOT_FOUND, DOCUMENT.NOT_FOUND (not made public by the latest package) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description RATE_LIMITED: PUBLIC_RATE_LIMIT_PER_MINUTE per client address over the public routes (besides the global RATE_LIMIT_PER_MINUTE), with Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReferenceController_countries: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CountriesResponseDto'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ReferenceController_minerals: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MineralsResponseDto'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RiskController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RiskAssessmentDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description RISK_ASSESSMENT.NOT_FOUND (also another organisation's) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  ApprovalsController_override: {
    parameters: {
      query?: never;
      header?: {
        /** @description Any unique string (a UUID). Same key and body within 24 h: the original response is replayed (header Idempotency-Replayed: true); same key, different body: 422; while the first is running: 409. */
        'Idempotency-Key'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RiskOverrideDto'];
      };
    };
    responses: {
      /** @description the pending item */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApprovalResponseDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No token, or an invalid or expired token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description The role may not do this (auditors never write) */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Absent, or belongs to another organisation (for a sponsor) */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description APPROVAL.DUPLICATE */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.version_conflict",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.VERSION_CONFLICT"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Idempotency-Key reused with a different body */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/idempotency.key_reused",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "IDEMPOTENCY.KEY_REUSED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RiskController_replay: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReplayReportDto'];
        };
      };
      /** @description Malformed JSON, wrong types, unknown fields or out-of-range values */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/validation.failed",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "VALIDATION.FAILED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description RISK_ASSESSMENT.NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/application.not_found",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "APPLICATION.NOT_FOUND"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Body over MAX_BODY_BYTES */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/payload_too_large",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "PAYLOAD_TOO_LARGE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A media type this route does not take (JSON routes: application/json) */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/unsupported_media_type",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "UNSUPPORTED_MEDIA_TYPE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  RiskController_models: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ScoringModelDto'][];
        };
      };
      /** @description No or bad token */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.unauthenticated",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.UNAUTHENTICATED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description AUTH.FORBIDDEN */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/auth.forbidden",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "AUTH.FORBIDDEN"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description Too many requests (per user and per IP); see Retry-After */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/rate_limited",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "RATE_LIMITED"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
      /** @description A dependency (the database) is unavailable */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthLiveResponseDto'];
        };
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HealthReadyResponseDto'];
        };
      };
      /** @description SERVICE_UNAVAILABLE, with `checks` naming what is down */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          /**
           * @example {
           *       "type": "https://forge.example/problems/service_unavailable",
           *       "title": "Error",
           *       "status": 0,
           *       "detail": "…",
           *       "code": "SERVICE_UNAVAILABLE"
           *     }
           */
          'application/problem+json': components['schemas']['ProblemDetails'];
        };
      };
    };
  };
  MetricsController_metrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text exposition format 0.0.4 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
    };
  };
}
