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
  STALE_VERSION: { status: 409, messageKey: "errors.staleVersion" },
  USERNAME_TAKEN: { status: 409, messageKey: "errors.usernameTaken" },
  STAFF_NUMBER_TAKEN: { status: 409, messageKey: "errors.staffNumberTaken" },
  ORGANIZATION_INACTIVE: { status: 422, messageKey: "errors.organizationInactive" },
  ROLE_ORGANIZATION_MISMATCH: { status: 422, messageKey: "errors.roleOrganizationMismatch" },
  REGION_REQUIRED: { status: 422, messageKey: "errors.regionRequired" },
  CANNOT_DEACTIVATE_SELF: { status: 422, messageKey: "errors.cannotDeactivateSelf" },
  ORGANIZATION_HAS_ACTIVE_USERS: { status: 422, messageKey: "errors.organizationHasActiveUsers" },
  WRONG_PASSWORD: { status: 422, messageKey: "errors.wrongPassword" },
  INTERNAL: { status: 500, messageKey: "errors.internal" },
} as const satisfies Record<string, { status: number; messageKey: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Field-level problems, as message keys, for forms. */
    readonly fieldErrors?: Record<string, string>,
    options?: { cause?: unknown },
  ) {
    super(code, options);
    this.name = "DomainError";
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  get messageKey(): string {
    return ERROR_CODES[this.code].messageKey;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
