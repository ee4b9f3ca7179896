import type { Container, Scope } from "@/shared/infrastructure/container/container";
import type { EventContract, IntegrationEvent } from "@/shared/infrastructure/events/integration-event";
import type { Controller } from "@/shared/infrastructure/http/controller";
import type { ProblemTable } from "@/shared/infrastructure/http/error-catalog";
import type { PeriodicTask } from "@/shared/infrastructure/maintenance/periodic-tasks";

/**
 * A consumer of another context's integration event. `consumer` names it durably (it keys the inbox:
 * keep it stable, e.g. "bi.revenue-projection"); the handler runs exactly once per event id, in the
 * transaction of its inbox row, with a DI scope of its own (resolve scoped use cases from it).
 */
export interface EventSubscription<T = unknown> {
  readonly consumer: string;
  readonly event: EventContract<T>;
  readonly handle: (event: IntegrationEvent<T>, scope: Scope) => Promise<void>;
}

/** Builds a subscription with its payload type checked against the contract. */
export function subscription<T>(
  consumer: string,
  event: EventContract<T>,
  handle: (event: IntegrationEvent<T>, scope: Scope) => Promise<void>,
): EventSubscription {
  return { consumer, event, handle } as EventSubscription<unknown> as EventSubscription;
}

/**
 * What every `register<Context>(container, needs)` returns: the same shape for each context. The
 * composition root lists the modules; `wireModules` mounts controllers, subscribes handlers and adds
 * periodic tasks before anything starts. `services` are the context's public services (interfaces
 * from its `contracts/`), handed by the composition root to the contexts that need them.
 */
export interface ContextModule<S extends object = object> {
  readonly name: string;
  /** In mounting order (e.g. a context's rate limits before its routes). */
  readonly controllers: readonly Controller[];
  readonly subscriptions: readonly EventSubscription[];
  readonly services: S;
  readonly periodicTasks: readonly PeriodicTask[];
  /** The context's error catalogue table, for the `/problems/<code>` pages. */
  readonly problems: ProblemTable;
}

/** Runs `work` with a fresh DI scope, disposed afterwards (event handlers, periodic tasks). */
export async function inScope<T>(container: Container, work: (scope: Scope) => Promise<T>): Promise<T> {
  const scope = container.createScope();
  try {
    return await work(scope);
  } finally {
    await scope.dispose();
  }
}
