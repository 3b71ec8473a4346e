// One small error hierarchy. Domain code throws these; the HTTP layer maps them to status codes in one place.

export class LimesError extends Error {
  readonly details?: unknown;
  /** A machine-readable code more precise than the class's own (e.g. `ofac_files_missing`). */
  readonly code?: string;
  constructor(message: string, details?: unknown, code?: string) {
    super(message);
    this.name = new.target.name;
    this.details = details;
    if (code) this.code = code;
  }
}

export class InvalidError extends LimesError {}
export class NotFoundError extends LimesError {}
export class ForbiddenError extends LimesError {}
export class ConflictError extends LimesError {}

/** A watchlist or traveller file that cannot be imported as a whole. Carries every issue found. */
export class ImportError extends InvalidError {}
