import { base64url, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { JoseAccessTokenIssuer } from "@/contexts/auth/infrastructure/security/jose.access-token.issuer";
import { JoseAccessTokenVerifier } from "@/contexts/auth/infrastructure/security/jose.access-token.verifier";
import { SigningKeySet } from "@/contexts/auth/infrastructure/security/signing-keys";
import { claims, jwks, privateJwk, TOKEN_OPTIONS } from "./key-fixtures";

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const TTL = 900;

async function setup(keysJson?: string) {
  const keys = await SigningKeySet.fromJwks(keysJson ?? jwks(await privateJwk("k1")));
  const issuer = new JoseAccessTokenIssuer(keys, { ...TOKEN_OPTIONS, ttlSeconds: TTL, now: () => NOW });
  const verifier = new JoseAccessTokenVerifier(keys, { ...TOKEN_OPTIONS, maxLifetimeSeconds: TTL, now: () => NOW });
  return { keys, issuer, verifier };
}

function decode(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [h = "", p = ""] = token.split(".");
  const text = (part: string) => new TextDecoder().decode(base64url.decode(part));
  return { header: JSON.parse(text(h)), payload: JSON.parse(text(p)) };
}

const encode = (value: unknown) => base64url.encode(JSON.stringify(value));

/** A JWT with every claim right but the ones under test: `extra` claims and the protected header. */
function handMade(extra: Record<string, unknown>, header: { alg: string; typ: string }) {
  return new SignJWT({ sid: claims().sessionId, ...extra })
    .setProtectedHeader({ ...header, kid: "k1" })
    .setSubject(claims().userId)
    .setJti("x")
    .setIssuer(TOKEN_OPTIONS.issuer)
    .setAudience(TOKEN_OPTIONS.audience)
    .setIssuedAt(NOW / 1000)
    .setExpirationTime(NOW / 1000 + TTL);
}

describe("JoseAccessTokenIssuer", () => {
  it("signs EdDSA with the active kid and the claims of spec §4", async () => {
    const { issuer } = await setup();
    const input = claims();
    const issued = await issuer.issue(input);
    const { header, payload } = decode(issued.token);
    expect(issued.expiresIn).toBe(TTL);
    expect(header).toEqual({ alg: "EdDSA", kid: "k1", typ: "at+jwt" });
    expect(payload).toEqual({
      sub: input.userId,
      sid: input.sessionId,
      org: input.organizationId,
      role: input.role,
      jti: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7/),
      iss: TOKEN_OPTIONS.issuer,
      aud: TOKEN_OPTIONS.audience,
      iat: NOW / 1000,
      exp: NOW / 1000 + TTL,
    });
  });

  it("gives every token its own jti", async () => {
    const { issuer } = await setup();
    const a = decode((await issuer.issue(claims())).token).payload.jti;
    const b = decode((await issuer.issue(claims())).token).payload.jti;
    expect(a).not.toBe(b);
  });
});

describe("JoseAccessTokenVerifier", () => {
  it("accepts its own tokens and returns the caller", async () => {
    const { issuer, verifier } = await setup();
    const input = claims({ role: "admin" });
    const result = await verifier.verify((await issuer.issue(input)).token);
    expect(result).toMatchObject({
      ok: true,
      value: { userId: input.userId, sessionId: input.sessionId, organizationId: input.organizationId, role: "admin" },
    });
    expect(result.ok && result.value.issuedAtMs).toBe(NOW);
  });

  it("dates a token to the millisecond of issue (its jti), within its iat second", async () => {
    const keys = await SigningKeySet.fromJwks(jwks(await privateJwk("k1")));
    const now = Date.now() + 3_600_000 + 123; // ahead of any id generated so far (UUIDv7 is monotonic)
    const issuer = new JoseAccessTokenIssuer(keys, { ...TOKEN_OPTIONS, ttlSeconds: TTL, now: () => now });
    const verifier = new JoseAccessTokenVerifier(keys, { ...TOKEN_OPTIONS, maxLifetimeSeconds: TTL, now: () => now });
    const result = await verifier.verify((await issuer.issue(claims())).token);
    expect(result.ok && result.value.issuedAtMs).toBe(now);
    // A jti that is no UUIDv7 (or from another second) falls back to the start of iat's second.
    const { keys: fixedKeys, verifier: atNow } = await setup();
    const foreign = await handMade({ org: null, role: null }, { alg: "EdDSA", typ: "at+jwt" }).sign(
      fixedKeys.active.privateKey,
    );
    expect(await atNow.verify(foreign)).toMatchObject({ ok: true, value: { issuedAtMs: NOW } });
  });

  it("accepts a token without organization (a user who has none yet)", async () => {
    const { issuer, verifier } = await setup();
    const result = await verifier.verify((await issuer.issue(claims({ organizationId: null, role: null }))).token);
    expect(result).toMatchObject({ ok: true, value: { organizationId: null, role: null } });
  });

  it("rejects alg none", async () => {
    const { issuer, verifier } = await setup();
    const { header, payload } = decode((await issuer.issue(claims())).token);
    const unsigned = `${encode({ ...header, alg: "none" })}.${encode(payload)}.`;
    expect((await verifier.verify(unsigned)).ok).toBe(false);
  });

  it("rejects HS256 signed with the public key as HMAC secret (algorithm confusion)", async () => {
    const { keys, verifier } = await setup();
    const publicJwk = keys.active.publicJwk;
    const secrets = [base64url.decode(publicJwk.x ?? ""), new TextEncoder().encode(JSON.stringify(publicJwk))];
    for (const secret of secrets) {
      const forged = await handMade(
        { org: claims().organizationId, role: "owner" },
        { alg: "HS256", typ: "at+jwt" },
      ).sign(secret);
      expect((await verifier.verify(forged)).ok).toBe(false);
    }
  });

  it("rejects a token whose kid is unknown", async () => {
    const { verifier } = await setup();
    const { issuer: stranger } = await setup(jwks(await privateJwk("stranger")));
    expect((await verifier.verify((await stranger.issue(claims())).token)).ok).toBe(false);
  });

  it("rejects a token signed by another key under a known kid", async () => {
    const { verifier } = await setup();
    const { issuer: impostor } = await setup(jwks(await privateJwk("k1")));
    expect((await verifier.verify((await impostor.issue(claims())).token)).ok).toBe(false);
  });

  it("rejects a tampered payload", async () => {
    const { issuer, verifier } = await setup();
    const [h, p, s] = (await issuer.issue(claims({ role: "analyst" }))).token.split(".");
    const payload = decode(`${h}.${p}.${s}`).payload;
    const tampered = `${h}.${encode({ ...payload, role: "owner" })}.${s}`;
    expect((await verifier.verify(tampered)).ok).toBe(false);
  });

  it("rejects the wrong issuer and the wrong audience", async () => {
    const { keys, verifier } = await setup();
    const other = (options: { issuer: string; audience: string }) =>
      new JoseAccessTokenIssuer(keys, { ...options, ttlSeconds: TTL, now: () => NOW }).issue(claims());
    const wrongIss = await other({ ...TOKEN_OPTIONS, issuer: "someone-else" });
    const wrongAud = await other({ ...TOKEN_OPTIONS, audience: "another-api" });
    expect((await verifier.verify(wrongIss.token)).ok).toBe(false);
    expect((await verifier.verify(wrongAud.token)).ok).toBe(false);
  });

  it("rejects an expired token, allowing only a few seconds of clock skew", async () => {
    const { keys, issuer } = await setup();
    const { token } = await issuer.issue(claims());
    const at = (ms: number) =>
      new JoseAccessTokenVerifier(keys, { ...TOKEN_OPTIONS, maxLifetimeSeconds: TTL, now: () => ms });
    expect((await at(NOW + TTL * 1000 + 2_000).verify(token)).ok).toBe(true); // within tolerance
    expect(await at(NOW + TTL * 1000 + 10_000).verify(token)).toMatchObject({
      ok: false,
      error: { code: "invalid-access-token" },
    });
  });

  it("rejects a token issued in the future beyond the clock tolerance", async () => {
    const { keys } = await setup();
    const at = (ms: number) => new JoseAccessTokenIssuer(keys, { ...TOKEN_OPTIONS, ttlSeconds: TTL, now: () => ms });
    const verifier = new JoseAccessTokenVerifier(keys, { ...TOKEN_OPTIONS, maxLifetimeSeconds: TTL, now: () => NOW });
    expect((await verifier.verify((await at(NOW + 4_000).issue(claims())).token)).ok).toBe(true); // skew
    expect(await verifier.verify((await at(NOW + 60_000).issue(claims())).token)).toMatchObject({
      ok: false,
      error: { code: "invalid-access-token", message: "iat is in the future" },
    });
  });

  it("rejects a token whose lifetime exceeds the configured TTL", async () => {
    const { keys, verifier } = await setup();
    const longLived = await new JoseAccessTokenIssuer(keys, {
      ...TOKEN_OPTIONS,
      ttlSeconds: TTL + 1,
      now: () => NOW,
    }).issue(claims());
    expect(await verifier.verify(longLived.token)).toMatchObject({
      ok: false,
      error: { message: "lifetime exceeds the access-token TTL" },
    });
    const yearLong = await handMade({ org: null, role: null }, { alg: "EdDSA", typ: "at+jwt" })
      .setExpirationTime(NOW / 1000 + 365 * 24 * 3600)
      .sign(keys.active.privateKey);
    expect((await verifier.verify(yearLong)).ok).toBe(false);
  });

  it("does not let a remembered token outlive its expiry", async () => {
    const { keys, issuer } = await setup();
    const { token } = await issuer.issue(claims());
    let now = NOW;
    const verifier = new JoseAccessTokenVerifier(keys, { ...TOKEN_OPTIONS, maxLifetimeSeconds: TTL, now: () => now });
    expect((await verifier.verify(token)).ok).toBe(true);
    expect((await verifier.verify(token)).ok).toBe(true); // the second answer comes from memory
    now = NOW + TTL * 1000 + 10_000;
    expect((await verifier.verify(token)).ok).toBe(false);
  });

  it("remembers only tokens that verified", async () => {
    const { issuer, verifier } = await setup();
    const { token } = await issuer.issue(claims());
    const tampered = `${token.slice(0, -4)}AAAA`;
    expect((await verifier.verify(tampered)).ok).toBe(false);
    expect((await verifier.verify(tampered)).ok).toBe(false);
    expect((await verifier.verify(token)).ok).toBe(true);
  });

  it("rejects garbage, and a signed JWT of another type", async () => {
    const { keys, verifier } = await setup();
    expect((await verifier.verify("garbage")).ok).toBe(false);
    expect((await verifier.verify("a.b.c")).ok).toBe(false);
    const idToken = await handMade({ org: null, role: null }, { alg: "EdDSA", typ: "JWT" }).sign(
      keys.active.privateKey,
    );
    expect((await verifier.verify(idToken)).ok).toBe(false);
  });
});

describe("key rotation by configuration", () => {
  it("keeps verifying the old key's tokens while it is listed, and refuses them once removed", async () => {
    const oldKey = await privateJwk("2025-old");
    const newKey = await privateJwk("2026-new");
    const before = await setup(jwks(oldKey));
    const oldToken = (await before.issuer.issue(claims())).token;

    const during = await setup(jwks(newKey, oldKey));
    expect((await during.verifier.verify(oldToken)).ok).toBe(true);
    const newToken = (await during.issuer.issue(claims())).token;
    expect(decode(newToken).header.kid).toBe("2026-new");

    const after = await setup(jwks(newKey));
    expect((await after.verifier.verify(oldToken)).ok).toBe(false);
    expect((await after.verifier.verify(newToken)).ok).toBe(true);
  });
});
