import { OpenAPIHono } from "@hono/zod-openapi";
import { importJWK, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { JoseAccessTokenIssuer } from "@/contexts/auth/infrastructure/security/jose.access-token.issuer";
import { JwksController } from "@/contexts/auth/infrastructure/security/jwks.controller";
import { SigningKeySet } from "@/contexts/auth/infrastructure/security/signing-keys";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import { claims, jwks, privateJwk, TOKEN_OPTIONS } from "./key-fixtures";

describe("GET /.well-known/jwks.json", () => {
  it("serves the public keys, which verify the tokens Nexus issues", async () => {
    const keys = await SigningKeySet.fromJwks(jwks(await privateJwk("new"), await privateJwk("old")));
    const app = new OpenAPIHono<AppEnv>();
    new JwksController(keys).register(app);

    const res = await app.request("/.well-known/jwks.json");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { keys: Array<Record<string, unknown>> };
    expect(body.keys.map((k) => k.kid)).toEqual(["new", "old"]);
    for (const key of body.keys) {
      expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", use: "sig", alg: "EdDSA" });
      expect(key).not.toHaveProperty("d");
    }

    const { token } = await new JoseAccessTokenIssuer(keys, { ...TOKEN_OPTIONS, ttlSeconds: 900 }).issue(claims());
    const published = await importJWK(body.keys[0] ?? {}, "EdDSA");
    await expect(jwtVerify(token, published, { algorithms: ["EdDSA"] })).resolves.toBeDefined();
  });
});
