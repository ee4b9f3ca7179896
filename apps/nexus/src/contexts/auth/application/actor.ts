import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Role } from "../domain/role.value-object";

/** The verified caller, built by the guard from the access token's claims (sub, sid, org, role). */
export interface AuthenticatedActor {
  readonly userId: Uuid;
  readonly sessionId: Uuid;
  readonly organizationId: Uuid | null;
  readonly role: Role | null;
}

/** Where a request came from: stored on new sessions. (Audit entries take it from the request context.) */
export interface RequestMeta {
  readonly ip: string | null;
  readonly userAgent: string | null;
}
