/**
 * A use case's writes and its audit record commit together or not at all (spec §8). Structurally
 * the platform's UnitOfWork. Throwing rolls back; returning an error `Result` rolls back too (a
 * failed use case changes nothing); `commitFailure(error)` commits on purpose and still answers
 * the error (reuse detection revokes the session, then answers `reuse-detected`).
 */
export interface AuthUnitOfWork {
  transaction<T>(work: () => Promise<T>): Promise<T>;
}
