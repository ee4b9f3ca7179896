import type { Context, MiddlewareHandler } from "hono";
import { problemResponse } from "@/shared/infrastructure/http/problem";
import { setRequestActor } from "@/shared/infrastructure/request-context/request-context";
import type { AuthGuard } from "../../contracts/auth-guard";
import { actsInOrganization, type Caller, type OrganizationCaller } from "../../contracts/caller";
import { hasPermission, type Permission } from "../../contracts/permissions";
import type { JoseAccessTokenVerifier } from "../security/jose.access-token.verifier";
import type { RevocationFeed } from "../security/revocation-feed";

const CALLER = "caller";
const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)[ ]*$/i;

type AccessTokenVerifier = Pick<JoseAccessTokenVerifier, "verify">;

/**
 * The Hono implementation of the auth contract's guard. Every request costs one signature check
 * (remembered per token) and the revocation check: in memory while the revocation feed is live, one
 * database query while it is not (ADR 0010). No network round trip in the normal case.
 */
export class HonoAuthGuard implements AuthGuard<MiddlewareHandler, Context> {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly revocations: Pick<RevocationFeed, "isRevoked">,
  ) {}

  authenticate(): MiddlewareHandler {
    return async (c, next) => {
      const outcome = await this.resolve(c);
      if (outcome instanceof Response) return outcome;
      await next();
    };
  }

  requirePermission(permission: Permission): MiddlewareHandler {
    return async (c, next) => {
      const outcome = await this.resolve(c);
      if (outcome instanceof Response) return outcome;
      if (!actsInOrganization(outcome)) {
        return problemResponse(c, {
          status: 403,
          code: "organization-required",
          detail: "Select an organization first (log in with organizationId or switch organization).",
        });
      }
      if (!hasPermission(outcome.role, permission)) {
        return problemResponse(c, {
          status: 403,
          code: "forbidden",
          detail: `Your role (${outcome.role}) does not allow this operation (${permission}).`,
        });
      }
      await next();
    };
  }

  caller(c: Context): Caller {
    const caller: Caller | undefined = c.get(CALLER);
    if (!caller) throw new Error(`no caller on ${c.req.method} ${c.req.path}: the route is not behind the auth guard`);
    return caller;
  }

  organizationCaller(c: Context): OrganizationCaller {
    const caller = this.caller(c);
    if (!actsInOrganization(caller)) throw new Error(`${c.req.path} is not behind requirePermission`);
    return caller;
  }

  /** The caller already set on this request, or the verified token's, or the 401 to send. */
  private async resolve(c: Context): Promise<Caller | Response> {
    const existing: Caller | undefined = c.get(CALLER);
    if (existing) return existing;
    const match = BEARER.exec(c.req.header("authorization") ?? "");
    if (!match?.[1]) return unauthenticated(c, false);
    const verified = await this.verifier.verify(match[1]);
    if (!verified.ok) return unauthenticated(c, true);
    const { userId, sessionId, organizationId, role } = verified.value;
    const caller: Caller = { userId, sessionId, organizationId, role };
    const revoked = this.revocations.isRevoked(caller);
    if (revoked === true || (revoked !== false && (await revoked))) return unauthenticated(c, true);
    c.set(CALLER, caller);
    // RequestActor has no room for "no organization yet"; such callers stay out of it until it does.
    setRequestActor({ userId, sessionId, organizationId, role });
    return caller;
  }
}

/** RFC 6750 §3: a challenge always; `error="invalid_token"` when a token was sent but refused. */
function unauthenticated(c: Context, tokenSent: boolean): Response {
  return problemResponse(c, {
    status: 401,
    code: "unauthenticated",
    detail: tokenSent
      ? "The access token is invalid, expired or revoked."
      : "Send an access token in the Authorization header (Bearer scheme).",
    headers: { "WWW-Authenticate": tokenSent ? 'Bearer realm="nexus", error="invalid_token"' : 'Bearer realm="nexus"' },
  });
}
