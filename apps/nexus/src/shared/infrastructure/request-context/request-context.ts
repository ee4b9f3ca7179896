import { AsyncLocalStorage } from "node:async_hooks";

/** Who is calling, once the auth guard has verified the access token. */
export interface RequestActor {
  readonly userId: string;
  readonly organizationId: string | null;
  readonly role: string | null;
  readonly sessionId: string;
}

/** Facts about the request being served, readable from anywhere below the HTTP edge. */
export interface RequestContext {
  readonly requestId: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly method: string;
  readonly path: string;
  /** Set later in the request by the auth guard (see `setRequestActor`). */
  actor?: RequestActor;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Records the verified caller on the current request, so logs, audit and the request log line carry it.
 * Outside a request (jobs, CLI) there is nothing to annotate, so it is a no-op returning false.
 */
export function setRequestActor(actor: RequestActor): boolean {
  const ctx = storage.getStore();
  if (!ctx) return false;
  ctx.actor = actor;
  return true;
}

/** Where the current request came from (client IP after TRUST_PROXY_HOPS, user agent); nulls outside a request. */
export function requestOrigin(): { readonly ip: string | null; readonly userAgent: string | null } {
  const context = storage.getStore();
  return { ip: context?.ip ?? null, userAgent: context?.userAgent ?? null };
}

/** The verified caller of the current request; throws when no guard ran (a route left unguarded is a bug). */
export function requestActor(): RequestActor {
  const actor = storage.getStore()?.actor;
  if (!actor) throw new Error("no authenticated caller on this request: is the route guarded?");
  return actor;
}
