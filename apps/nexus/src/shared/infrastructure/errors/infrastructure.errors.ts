/**
 * Failures of infrastructure (not business rules). Adapters translate driver errors into these
 * once; the HTTP edge maps them once to problem+json. Messages are safe to log, never to return.
 */
export class ServiceUnavailableError extends Error {
  override readonly name = "ServiceUnavailableError";
  constructor(
    readonly dependency: "database" | "cache" | "queue" | "mail",
    options?: { cause?: unknown },
  ) {
    super(`${dependency} is unavailable`, options);
  }
}

/** A uniqueness or exclusion constraint was hit: the request conflicts with existing state. */
export class ConflictError extends Error {
  override readonly name = "ConflictError";
  constructor(
    readonly constraint: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(`conflict${constraint ? ` on ${constraint}` : ""}`, options);
  }
}

/**
 * The database refused a value (SQLSTATE class 22, data exception: out of range, NUL byte, bad
 * encoding). Input should have been validated at the edge; this is the last line of defence, a 4xx.
 */
export class InvalidDataError extends Error {
  override readonly name = "InvalidDataError";
  constructor(
    readonly sqlState: string,
    options?: { cause?: unknown },
  ) {
    super(`the database refused a value (SQLSTATE ${sqlState})`, options);
  }
}
