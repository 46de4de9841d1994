/** Stages in which an application is still scored (open: submitted..committee). */
export const RISK_OPEN_STAGES = ['submitted', 'screening', 'esg_review', 'financing', 'committee'] as const;
