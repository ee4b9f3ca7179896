/** Opaque secrets (refresh, verification, reset, invitation tokens): CSPRNG, stored only as a hash. */
export interface SecureTokens {
  /** At least 256 bits of CSPRNG output, base64url. */
  generate(): string;
  /** SHA-256, hex: what is stored and looked up (an index lookup, never a scan). */
  hash(token: string): string;
}
