/**
 * Errors of the draw engine. A value with a code, like `TicketError` and `CalendarError`: the
 * server maps the code to an HTTP status and a message key at its boundary (lib/domain never
 * imports lib/server, so it cannot throw the server's `DomainError` itself).
 */

export type DrawErrorCode =
  | "INVALID_MANIFEST"
  | "INVALID_JSON_VALUE"
  | "INVALID_COMMITMENT"
  | "INVALID_SALT"
  | "INVALID_ENTROPY"
  | "SALT_MISMATCH"
  | "CEREMONY_OUT_OF_ORDER"
  | "CEREMONY_STOPPED"
  | "UNKNOWN_PARTY"
  | "NO_CROSS_GROUPING"
  | "NOT_A_TEAM_MEMBER";

export class DrawError extends Error {
  readonly code: DrawErrorCode;
  /** Where in the input the problem is, as a JSON path (`regions[0].hospitals[3].code`). */
  readonly path: string;

  constructor(code: DrawErrorCode, message: string, path = "") {
    super(path ? `${path}: ${message}` : message);
    this.name = "DrawError";
    this.code = code;
    this.path = path;
  }
}
