// One small error hierarchy. Domain code throws these; the HTTP layer maps them to status codes in one place.
import type { ErrorCode, ErrorParams } from "./messages.js";

export type { ErrorCode, ErrorParams } from "./messages.js";

export class LimesError extends Error {
  readonly details?: unknown;
  /** A machine-readable code more precise than the class's own (e.g. `ofac_files_missing`). */
  readonly code?: ErrorCode;
  /** The values named in the message, so that a client can word it again from `code` (see messages.ts). */
  readonly params: ErrorParams;
  constructor(message: string, details?: unknown, code?: ErrorCode, params: ErrorParams = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
    this.params = params;
    if (code) this.code = code;
  }
}

export class InvalidError extends LimesError {}
export class NotFoundError extends LimesError {}
export class ForbiddenError extends LimesError {}
export class ConflictError extends LimesError {}

/** A watchlist or traveller file that cannot be imported as a whole. Carries every issue found. */
export class ImportError extends InvalidError {}
