import {
  ConflictError,
  InvalidDataError,
  ServiceUnavailableError,
} from "@/shared/infrastructure/errors/infrastructure.errors";

const CONFLICT_CODES = new Set(["23505", "23P01"]); // unique_violation, exclusion_violation
const UNAVAILABLE_CODES = new Set([
  // node:net and postgres.js connection errors
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  // SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

interface DriverError {
  code?: unknown;
  constraint?: unknown; // PGlite
  constraint_name?: unknown; // postgres.js
  message?: unknown;
  cause?: unknown;
}

/**
 * Maps a driver error to an infrastructure error; anything else is returned unchanged. Drizzle wraps
 * driver errors (`DrizzleQueryError`), so the cause chain is searched. Never leaks SQL upward.
 */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof ConflictError || error instanceof ServiceUnavailableError || error instanceof InvalidDataError) {
    return error;
  }
  for (let e: unknown = error, depth = 0; isObject(e) && depth < 5; e = e.cause, depth++) {
    const code = typeof e.code === "string" ? e.code : undefined;
    if (code && CONFLICT_CODES.has(code)) {
      return new ConflictError(constraintOf(e), { cause: error });
    }
    if (code && /^22[0-9A-Z]{3}$/.test(code)) return new InvalidDataError(code, { cause: error });
    if (code && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) {
      return new ServiceUnavailableError("database", { cause: error });
    }
    if (typeof e.message === "string" && e.message.startsWith("PGlite is closed")) {
      return new ServiceUnavailableError("database", { cause: error });
    }
  }
  return error;
}

/** Runs `work`, rethrowing database errors as infrastructure errors. */
export async function withDatabaseErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

function isObject(value: unknown): value is DriverError {
  return typeof value === "object" && value !== null;
}

function constraintOf(e: DriverError): string | undefined {
  const name = e.constraint_name ?? e.constraint;
  return typeof name === "string" ? name : undefined;
}
