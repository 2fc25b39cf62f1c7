/**
 * Errors are values with codes. The codes form a closed union; each maps to an HTTP status and a message
 * key in one table. Convert at the boundary only, and never send `e.message` to a client.
 */
export const ERROR_CODES = {
  UNAUTHENTICATED: { status: 401, messageKey: "errors.unauthenticated" },
  FORBIDDEN: { status: 403, messageKey: "errors.forbidden" },
  /** Unknown ids and ids outside the actor's scope give the same answer, so neither can be told apart. */
  NOT_FOUND: { status: 404, messageKey: "errors.notFound" },
  VALIDATION: { status: 422, messageKey: "errors.validation" },
  CONFLICT: { status: 409, messageKey: "errors.conflict" },
  /** The record changed since the caller read it (compare-and-set); over HTTP, a stale `If-Match`. */
  STALE_VERSION: { status: 412, messageKey: "errors.staleVersion" },
  /** A write that needs the version it acts on came without it (`If-Match` on a case event). */
  PRECONDITION_REQUIRED: { status: 428, messageKey: "errors.preconditionRequired" },
  /** A state-changing request with a session cookie from another site (no matching Origin / Sec-Fetch-Site). */
  CROSS_ORIGIN: { status: 403, messageKey: "errors.crossOrigin" },
  ROUTE_NOT_FOUND: { status: 404, messageKey: "errors.routeNotFound" },
  METHOD_NOT_ALLOWED: { status: 405, messageKey: "errors.methodNotAllowed" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, messageKey: "errors.unsupportedMediaType" },
  BODY_TOO_LARGE: { status: 413, messageKey: "errors.bodyTooLarge" },
  RATE_LIMITED: { status: 429, messageKey: "errors.rateLimited" },
  /** The same `Idempotency-Key` was sent with a different request. */
  IDEMPOTENCY_KEY_REUSED: { status: 422, messageKey: "errors.idempotencyKeyReused" },
  /** The request with this `Idempotency-Key` is still being handled. */
  IDEMPOTENCY_IN_PROGRESS: { status: 409, messageKey: "errors.idempotencyInProgress" },
  USERNAME_TAKEN: { status: 409, messageKey: "errors.usernameTaken" },
  STAFF_NUMBER_TAKEN: { status: 409, messageKey: "errors.staffNumberTaken" },
  ORGANIZATION_INACTIVE: { status: 422, messageKey: "errors.organizationInactive" },
  ROLE_ORGANIZATION_MISMATCH: { status: 422, messageKey: "errors.roleOrganizationMismatch" },
  REGION_REQUIRED: { status: 422, messageKey: "errors.regionRequired" },
  CANNOT_DEACTIVATE_SELF: { status: 422, messageKey: "errors.cannotDeactivateSelf" },
  ORGANIZATION_HAS_ACTIVE_USERS: { status: 422, messageKey: "errors.organizationHasActiveUsers" },
  WRONG_PASSWORD: { status: 422, messageKey: "errors.wrongPassword" },
  PLAN_ARCHIVED: { status: 422, messageKey: "errors.planArchived" },
  TEAM_REGION_MISMATCH: { status: 422, messageKey: "errors.teamRegionMismatch" },
  TARGET_ALREADY_IN_PLAN: { status: 409, messageKey: "errors.targetAlreadyInPlan" },
  NOT_AN_INSPECTOR: { status: 422, messageKey: "errors.notAnInspector" },
  ALREADY_ON_TEAM: { status: 409, messageKey: "errors.alreadyOnTeam" },
  COMMITMENT_ALREADY_SIGNED: { status: 409, messageKey: "errors.commitmentAlreadySigned" },
  FILE_TYPE_NOT_ALLOWED: { status: 422, messageKey: "errors.fileTypeNotAllowed" },
  FILE_EMPTY: { status: 422, messageKey: "errors.fileEmpty" },
  FILE_TOO_LARGE: { status: 413, messageKey: "errors.fileTooLarge" },
  REPORT_ALREADY_SUBMITTED: { status: 409, messageKey: "errors.reportAlreadySubmitted" },
  REPORT_ALREADY_REVIEWED: { status: 409, messageKey: "errors.reportAlreadyReviewed" },
  /** One open appeal per finding; a review decides it before another is filed. */
  FINDING_ALREADY_APPEALED: { status: 409, messageKey: "errors.findingAlreadyAppealed" },
  APPEAL_ALREADY_DECIDED: { status: 409, messageKey: "errors.appealAlreadyDecided" },
  INTERNAL: { status: 500, messageKey: "errors.internal" },
  /** The case workflow refused the event; the error carries the workflow's own message key (lib/domain/case). */
  TRANSITION_REFUSED: { status: 409, messageKey: "errors.transitionRefused" },
  /** A deadline reaches a year the working-day calendar does not know: refused, never guessed. */
  CALENDAR_YEAR_UNKNOWN: { status: 422, messageKey: "errors.calendarYearUnknown" },
  /** The same file (same SHA-256) is already evidence of this case: pressing the button again stores nothing. */
  FILE_DUPLICATE: { status: 409, messageKey: "errors.fileDuplicate" },
  /** The handover needs the inspected region's city bureau (an active CITY_BUREAU organization) to receive it. */
  NO_RECEIVING_BUREAU: { status: 422, messageKey: "errors.noReceivingBureau" },
} as const satisfies Record<string, { status: number; messageKey: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The codes that refuse an actor on authorization grounds: each is written to the audit log (STYLE.md). */
export const REFUSAL_CODES: readonly ErrorCode[] = ["FORBIDDEN", "NOT_FOUND", "TRANSITION_REFUSED", "CROSS_ORIGIN"];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(ERROR_CODES, value);
}

export class DomainError extends Error {
  readonly #messageKey: string | undefined;

  constructor(
    readonly code: ErrorCode,
    /** Field-level problems, as message keys, for forms. */
    readonly fieldErrors?: Record<string, string>,
    /** `messageKey` overrides the code's own, for a more specific message (a workflow guard's). */
    options?: { cause?: unknown; messageKey?: string },
  ) {
    super(code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DomainError";
    this.#messageKey = options?.messageKey;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get messageKey(): string {
    return this.#messageKey ?? ERROR_CODES[this.code].messageKey;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
