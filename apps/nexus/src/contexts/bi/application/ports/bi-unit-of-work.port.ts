/** Runs `work` in one transaction: the rebuild's replacement rows and its audit entry commit together. */
export interface BiUnitOfWork {
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

export interface Clock {
  now(): Date;
}
