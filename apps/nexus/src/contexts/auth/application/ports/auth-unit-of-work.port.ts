/**
 * A use case's writes and its audit record commit together or not at all (spec §8). Structurally
 * the platform's UnitOfWork, so `DrizzleUnitOfWork` satisfies it as is. Returning (not throwing)
 * an error value from `work` still COMMITS: use cases rely on that, e.g. reuse detection commits
 * the revocation and then answers `reuse-detected`.
 */
export interface AuthUnitOfWork {
  transaction<T>(work: () => Promise<T>): Promise<T>;
}
