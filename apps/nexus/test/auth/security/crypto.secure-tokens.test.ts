import { describe, expect, it } from "vitest";
import { CryptoSecureTokens } from "@/contexts/auth/infrastructure/security/crypto.secure-tokens";

describe("CryptoSecureTokens", () => {
  const tokens = new CryptoSecureTokens();

  it("generates 256-bit base64url tokens, never the same twice", () => {
    const generated = Array.from({ length: 100 }, () => tokens.generate());
    for (const token of generated) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(generated).size).toBe(100);
  });

  it("hashes with SHA-256 to lower-case hex, deterministically", () => {
    expect(tokens.hash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const token = tokens.generate();
    expect(tokens.hash(token)).toBe(tokens.hash(token));
    expect(tokens.hash(token)).not.toBe(tokens.hash(tokens.generate()));
  });
});
