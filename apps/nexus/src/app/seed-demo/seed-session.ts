import type { Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Container, Scope } from "@/shared/infrastructure/container/container";
import { inScope } from "@/shared/infrastructure/module/context-module";
import { runWithRequestContext } from "@/shared/infrastructure/request-context/request-context";
import { continueTrace } from "@/shared/infrastructure/request-context/trace-context";

/** Who the seed acts as once the demo owner exists: the owner, in the demo organization. */
export interface SeedActor {
  readonly userId: Uuid;
  readonly sessionId: Uuid;
  readonly organizationId: Uuid;
}

/**
 * Runs one step like one request of the demo owner: a fresh DI scope and a request context whose
 * verified caller is the owner, so audit entries name the owner (user agent `nexus seed-demo`).
 */
export function asOwner<T>(
  container: Container,
  actor: SeedActor | null,
  work: (scope: Scope) => Promise<T>,
): Promise<T> {
  const trace = continueTrace(undefined);
  const context = {
    requestId: trace.spanId,
    traceId: trace.traceId,
    spanId: trace.spanId,
    ip: null,
    userAgent: "nexus seed-demo",
    method: "CLI",
    path: "seed-demo",
    ...(actor ? { actor: { ...actor, role: "owner" } } : {}),
  };
  return runWithRequestContext(context, () => inScope(container, work));
}

/** A step of the seed that fails is a bug in the demo data: stop with the use case's error. */
export function expectOk<T, E>(step: string, result: Result<T, E>): T {
  if (result.ok) return result.value;
  throw new Error(`seed-demo: ${step} failed: ${JSON.stringify(result.error)}`);
}
