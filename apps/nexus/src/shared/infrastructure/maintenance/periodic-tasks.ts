import type { Logger } from "@/shared/infrastructure/logging/logger";

export interface PeriodicTask {
  readonly name: string;
  readonly everyMs: number;
  run(): Promise<unknown>;
}

/**
 * Housekeeping that any instance may do (e.g. deleting expired idempotency keys): each task is
 * idempotent, so several instances running it is harmless. Timers never keep the process alive, a
 * failing run is logged and retried at the next tick, a slow run is not overlapped, and `stop()`
 * waits for runs in flight. The platform creates it with its own tasks; the composition root
 * `add`s each context's before `start()`.
 */
export class PeriodicTasks {
  private readonly tasks: PeriodicTask[];
  private readonly timers: ReturnType<typeof setInterval>[] = [];
  private readonly running = new Map<PeriodicTask, Promise<unknown>>();
  private started = false;

  constructor(
    tasks: readonly PeriodicTask[],
    private readonly logger: Logger,
  ) {
    this.tasks = [...tasks];
  }

  /** Before `start()` only: a task added later would silently never run. */
  add(...tasks: readonly PeriodicTask[]): this {
    if (this.started) throw new Error(`periodic tasks already started; cannot add ${tasks.map((t) => t.name)}`);
    this.tasks.push(...tasks);
    return this;
  }

  /** The scheduled tasks' names (startup log, tests). */
  get names(): string[] {
    return this.tasks.map((t) => t.name);
  }

  start(): void {
    if (this.started) return; // a second start would double every timer
    this.started = true;
    for (const task of this.tasks) {
      const timer = setInterval(() => this.runOnce(task), task.everyMs);
      timer.unref?.();
      this.timers.push(timer);
    }
  }

  async stop(): Promise<void> {
    for (const timer of this.timers.splice(0)) clearInterval(timer);
    await Promise.allSettled([...this.running.values()]);
  }

  private runOnce(task: PeriodicTask): void {
    if (this.running.has(task)) return; // a slow run is never overlapped by the next tick
    const run = task
      .run()
      .then((result) => this.logger.debug({ task: task.name, result }, "periodic task done"))
      .catch((error: unknown) => this.logger.warn({ err: error, task: task.name }, "periodic task failed"))
      .finally(() => this.running.delete(task));
    this.running.set(task, run);
  }
}
