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
