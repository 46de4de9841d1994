import { DomainError, type DomainErrorDetail } from '@forge/domain';

/** RFC 9457 problem details with the stable `code` of api.md. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: DomainErrorDetail[];
  /** `urn:forge:request:<request id>`: this occurrence, never the URL (which is user input). */
  instance?: string;
}

/** The `instance` of a problem: the request id (safe: see `requestIdFrom`), not the URL. */
export function problemInstance(requestId: string | undefined): string | undefined {
  return requestId ? `urn:forge:request:${requestId}` : undefined;
}

/**
 * Fastify's own errors by code (content-type parsing, body limits, multipart limits, routing): a fixed text,
 * because their messages quote the URL or the request's headers.
 */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; detail: string }> = {
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'VALIDATION.FAILED',
    detail: 'The URL is not valid percent-encoding',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 400,
    code: 'VALIDATION.FAILED',
    detail: 'A path parameter is longer than any valid id',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'VALIDATION.FAILED',
    detail: 'The body is not valid JSON',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'VALIDATION.FAILED',
    detail: 'The body is empty although its content type is JSON',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'This media type is not accepted here (JSON routes take application/json)',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'VALIDATION.FAILED',
    detail: 'The Content-Length does not match the body',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'The body is too large' },
  FST_REQ_FILE_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    detail: 'The file is larger than MAX_UPLOAD_BYTES',
  },
  FST_PARTS_LIMIT: { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'Too many parts in the multipart body' },
  FST_FILES_LIMIT: { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: 'Only one file may be sent' },
  FST_FIELDS_LIMIT: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    detail: 'Too many fields in the multipart body',
  },
  FST_PROTO_VIOLATION: { status: 400, code: 'VALIDATION.FAILED', detail: 'A forbidden field name was sent' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'Send the document as multipart/form-data',
  },
};

/** A Fastify (or Fastify plugin) client error as problem details, by its code; unknown codes by status. */
export function fastifyProblem(status: number, code: string | undefined): ProblemDetails {
  const known = code ? FASTIFY_ERRORS[code] : undefined;
  if (known) return problem(known.status, known.code, known.detail);
  const byStatus =
    status === 413
      ? 'PAYLOAD_TOO_LARGE'
      : status === 415
        ? 'UNSUPPORTED_MEDIA_TYPE'
        : status === 404
          ? 'NOT_FOUND'
          : 'VALIDATION.FAILED';
  const answered = byStatus === 'VALIDATION.FAILED' ? 400 : status;
  return problem(answered, byStatus, 'The request could not be processed');
}

const STATUS_BY_CODE: Record<string, number> = {
  'VALIDATION.FAILED': 400,
  'APPLICATION.INVALID_OWNERSHIP': 400,
  'SANCTIONS.MALFORMED_LIST': 400,
  'REFERENCE.INVALID': 400,
  'SCORING.INVALID_INPUTS': 400,
  'DOCUMENT.CONTENT_MISMATCH': 400,
  'DOCUMENT.UNSUPPORTED_MEDIA_TYPE': 415,
  'AUTH.UNAUTHENTICATED': 401,
  'AUTH.INVALID_TOKEN': 401,
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.INVALID_SESSION': 401,
  'AUTH.FORBIDDEN': 403,
  'AUTH.CSRF': 403,
  'AUTH.SELF_ADMINISTRATION': 403,
  'AUTH.PASSWORD_REJECTED': 400,
  'AUTH.INVALID_RESET_TOKEN': 400,
  'AUTH.ROLE_REQUEST_PENDING': 409,
  'AUTH.ROLE_REQUEST_STALE': 409,
  'AUTH.TOTP_REQUIRED': 401,
  'AUTH.TOTP_ENROLMENT_REQUIRED': 401,
  'AUTH.TOTP_INVALID': 401,
  'AUTH.TOTP_ALREADY_ENROLLED': 409,
  'AUTH.TOTP_NOT_PENDING': 409,
  'AUTH.TOTP_NOT_ENROLLED': 409,
  'AUTH.OIDC_NOT_CONFIGURED': 404,
  'AUTH.OIDC_FAILED': 401,
  'AUTH.OIDC_NO_ROLE': 403,
  'AUTH.OIDC_ROLES_CONFLICT': 403,
  'APPROVAL.SELF_APPROVAL': 403,
  'COMMITTEE.NOT_ELIGIBLE': 403,
  'APPLICATION.VERSION_CONFLICT': 409,
  'APPLICATION.INVALID_TRANSITION': 409,
  'APPLICATION.GUARD_FAILED': 409,
  'APPLICATION.AMENDMENT_NOT_ALLOWED': 409,
  'APPLICATION.INPUT_FROZEN': 409,
  'CHECK.NOT_WAIVABLE': 409,
  'COMMITTEE.ALREADY_VOTED': 409,
  'COMMITTEE.ALREADY_DECIDED': 409,
  'COMMITTEE.ROUND_CLOSED': 409,
  'COMMITTEE.ROUND_OPEN': 409,
  'COMMITTEE.PACK_NOT_FOUND': 404,
  'DISCLOSURE.WRONG_STAGE': 409,
  'DISCLOSURE.UNCHANGED': 409,
  'COFINANCING.INVALID_STATUS': 409,
  'POLICY.PROPOSAL_PENDING': 409,
  'POLICY.VERSION_EXISTS': 409,
  'POLICY.NOT_PENDING': 409,
  'POLICY.VERSION_NOT_LATER': 400,
  'PORTFOLIO.INVALID_POLICY': 400,
  'APPROVAL.DUPLICATE': 409,
  'APPROVAL.ALREADY_DECIDED': 409,
  'IDEMPOTENCY.CONCURRENT_REQUEST': 409,
  CONFLICT: 409,
  'AUDIT.TREE_SIZE_UNAVAILABLE': 409,
  'AUDIT.SEQ_NOT_IN_TREE': 409,
  'AUDIT.CHAIN_BROKEN': 409,
  'AUDIT.CHECKPOINT_REFUSED': 409,
  'AUDIT.CHECKPOINT_NOT_FOUND': 404,
  'AUDIT.EVENT_NOT_FOUND': 404,
  'RISK.APPLICATION_NOT_OPEN': 409,
  'IDEMPOTENCY.KEY_REUSED': 422,
  PAYLOAD_TOO_LARGE: 413,
  'DOCUMENT.QUOTA_EXCEEDED': 413,
  'DOCUMENT.UPLOAD_LIMIT': 429,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

const TITLE_BY_STATUS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** HTTP status for a stable error code; unknown `*.NOT_FOUND` codes are 404, other unknown codes 400. */
export function statusForCode(code: string): number {
  return STATUS_BY_CODE[code] ?? (code.endsWith('.NOT_FOUND') ? 404 : code.endsWith('_CONFLICT') ? 409 : 400);
}

export function problem(
  status: number,
  code: string,
  detail: string,
  errors?: DomainErrorDetail[],
): ProblemDetails {
  return {
    type: `https://forge.example/problems/${code.toLowerCase().replaceAll('.', '-').replaceAll('_', '-')}`,
    title: TITLE_BY_STATUS[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function problemFromDomainError(error: DomainError): ProblemDetails {
  return problem(statusForCode(error.code), error.code, error.message, error.details);
}

/** Convenience for services: throw a coded error the filter maps to the right status. */
export function notFound(what: string, code = 'APPLICATION.NOT_FOUND'): DomainError {
  return new DomainError(code, `${what} not found`);
}
