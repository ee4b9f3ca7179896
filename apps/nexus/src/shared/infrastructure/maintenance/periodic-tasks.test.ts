import { describe, expect, it, vi } from "vitest";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { waitUntil } from "../../../../test/support/wait";
import { PeriodicTasks } from "./periodic-tasks";

function capture() {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    logger: createLogger({ LOG_LEVEL: "debug" }, { write: (l: string) => void lines.push(JSON.parse(l)) }),
  };
}

describe("PeriodicTasks", () => {
  it("runs each task on its interval, and nothing after stop()", async () => {
    vi.useFakeTimers();
    try {
      const { logger } = capture();
      let runs = 0;
      const count = async () => {
        runs += 1;
      };
      const tasks = new PeriodicTasks([{ name: "count", everyMs: 1_000, run: count }], logger);
      tasks.start();
      await vi.advanceTimersByTimeAsync(3_500);
      expect(runs).toBe(3);
      await tasks.stop();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(runs).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it("never overlaps a slow run, and stop() waits for it", async () => {
    const { logger } = capture();
    let release: () => void = () => {};
    let started = 0;
    let finished = false;
    const tasks = new PeriodicTasks(
      [
        {
          name: "slow",
          everyMs: 5,
          run: async () => {
            started += 1;
            await new Promise<void>((resolve) => {
              release = resolve;
            });
            finished = true;
          },
        },
      ],
      logger,
    );
    vi.useFakeTimers();
    try {
      tasks.start();
      await vi.advanceTimersByTimeAsync(5);
      expect(started).toBe(1);
      await vi.advanceTimersByTimeAsync(50); // ten more ticks while the first run is still going
      expect(started).toBe(1);
      const stopped = tasks.stop();
      release();
      await stopped;
      expect(finished).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("logs a failing run and keeps the schedule", async () => {
    const { lines, logger } = capture();
    let attempts = 0;
    const tasks = new PeriodicTasks(
      [
        {
          name: "flaky",
          everyMs: 5,
          run: async () => {
            attempts += 1;
            if (attempts === 1) throw new Error("database down");
          },
        },
      ],
      logger,
    );
    tasks.start();
    await waitUntil(() => attempts >= 2, 5_000, "a second attempt");
    await tasks.stop();
    expect(lines.some((l) => l.msg === "periodic task failed" && l.task === "flaky")).toBe(true);
  });

  it("runs tasks added before start() with its own, and refuses additions after start()", async () => {
    vi.useFakeTimers();
    try {
      const { logger } = capture();
      const runs: string[] = [];
      const task = (name: string) => ({ name, everyMs: 1_000, run: async () => void runs.push(name) });
      const tasks = new PeriodicTasks([task("platform")], logger).add(task("context"));
      expect(tasks.names).toEqual(["platform", "context"]);
      tasks.start();
      tasks.start(); // harmless: no second set of timers
      await vi.advanceTimersByTimeAsync(1_500);
      expect(runs.sort()).toEqual(["context", "platform"]);
      expect(() => tasks.add(task("late"))).toThrow(/already started/);
      await tasks.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
