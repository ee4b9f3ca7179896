import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import type { SigningKeySet } from "./signing-keys";

/** `GET /.well-known/jwks.json`: the public keys that verify Nexus access tokens (RFC 7517). */
export class JwksController implements Controller {
  constructor(private readonly keys: SigningKeySet) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const body = this.keys.publicJwks();
    // Short cache: verifiers pick up a rotated key within minutes.
    app.get("/.well-known/jwks.json", (c) => c.json(body, 200, { "Cache-Control": "public, max-age=300" }));
  }
}
