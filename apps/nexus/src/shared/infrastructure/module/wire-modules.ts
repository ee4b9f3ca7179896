import type { Container } from "@/shared/infrastructure/container/container";
import type { ProblemSpec } from "@/shared/infrastructure/http/problem-catalog";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { type ContextModule, inScope } from "./context-module";

/**
 * Connects the contexts' modules to the platform: every subscription to the event dispatcher (each
 * delivery in a DI scope of its own) and every periodic task to the scheduler. The composition root
 * calls it while building the application, so it has run before `start()` can start the event bus.
 */
export function wireModules(container: Container, modules: readonly ContextModule[]): void {
  const { dispatcher } = container.resolve(PlatformTokens.EventBus);
  for (const module of modules) {
    for (const { consumer, event, handle } of module.subscriptions) {
      dispatcher.subscribe(consumer, event, (delivered) => inScope(container, (scope) => handle(delivered, scope)));
    }
  }
  container.resolve(PlatformTokens.PeriodicTasks).add(...modules.flatMap((m) => m.periodicTasks));
}

/** Every context's error table, for the `/problems/<code>` pages; a code claimed twice is a bug. */
export function problemTables(modules: readonly ContextModule[]): Readonly<Record<string, ProblemSpec>> {
  const merged: Record<string, ProblemSpec> = {};
  for (const module of modules) {
    for (const [code, spec] of Object.entries(module.problems)) {
      if (merged[code]) throw new Error(`problem code ${code} is declared by two contexts`);
      merged[code] = spec;
    }
  }
  return merged;
}
