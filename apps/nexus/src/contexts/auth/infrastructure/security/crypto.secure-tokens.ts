import { createHash, randomBytes } from "node:crypto";
import type { SecureTokens } from "../../application/ports/secure-tokens.port";

const TOKEN_BYTES = 32; // 256 bits

/** Opaque tokens from the OS CSPRNG; only their SHA-256 is ever stored. */
export class CryptoSecureTokens implements SecureTokens {
  generate(): string {
    return randomBytes(TOKEN_BYTES).toString("base64url");
  }

  hash(token: string): string {
    return createHash("sha256").update(token, "utf8").digest("hex");
  }
}
