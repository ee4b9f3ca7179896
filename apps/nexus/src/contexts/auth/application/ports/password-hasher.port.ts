/** argon2id in production; the use cases only see this. */
export interface PasswordHasher {
  hash(plain: string): Promise<string>;
  verify(hash: string, plain: string): Promise<boolean>;
  /** True when `hash` was made with weaker parameters than today's: rehash on a successful login. */
  needsRehash(hash: string): boolean;
  /** Spends the same time as `verify` without a real hash, so unknown emails time like wrong passwords. */
  verifyDummy(plain: string): Promise<void>;
}
