import type { Caller, OrganizationCaller } from "./caller";
import type { Permission } from "./permissions";

/**
 * What other contexts' HTTP adapters use to protect their routes. Contracts stay framework-free, so the
 * web framework's middleware type `M` and request context type `C` are parameters; auth's
 * infrastructure provides the Hono implementation and the composition root hands it over.
 */
export interface AuthGuard<M, C> {
  /** Requires a valid, unrevoked bearer access token: 401 `unauthenticated` otherwise. */
  authenticate(): M;
  /**
   * Authenticates (if not done yet) and requires an organization in the token (403
   * `organization-required`) and a role that holds `permission` (403 `forbidden`).
   */
  requirePermission(permission: Permission): M;
  /** The caller set by the middleware; throws when the route was not guarded (a bug). */
  caller(c: C): Caller;
  /** Same, narrowed for routes behind `requirePermission`. */
  organizationCaller(c: C): OrganizationCaller;
}

/** OpenAPI security requirement for guarded routes (`security: BEARER_AUTH` in a route definition). */
export const BEARER_AUTH: Array<Record<string, string[]>> = [{ bearerAuth: [] }];
