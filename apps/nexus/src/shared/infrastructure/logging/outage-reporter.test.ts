import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { OutageReporter } from "./outage-reporter";

describe("OutageReporter", () => {
  it("logs 14 minutes of failures every 250 ms as one 'down', one 'still down' a minute, one 'recovered'", () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ LOG_LEVEL: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    let now = 0;
    const reporter = new OutageReporter(logger, "outbox relay", () => now);
    for (; now < 14 * 60_000; now += 250) reporter.failed(new Error("connect ECONNREFUSED 127.0.0.1:5432"));
    reporter.succeeded();

    const messages = lines.map((l) => l.msg);
    expect(messages[0]).toBe("outbox relay: down, backing off");
    expect(messages.filter((m) => m === "outbox relay: still down")).toHaveLength(13);
    expect(messages.at(-1)).toBe("outbox relay: recovered");
    expect(lines).toHaveLength(15);
    // The stack once, when it goes down; afterwards only the reason.
    expect(JSON.stringify(lines[0])).toContain("stack");
    expect(lines.slice(1).some((l) => JSON.stringify(l).includes("stack"))).toBe(false);
    expect(lines.at(-1)).toMatchObject({ failures: 14 * 60 * 4, downForMs: 14 * 60_000 });
    expect(reporter.consecutiveFailures).toBe(0);
  });

  it("says nothing while the dependency works, and starts over after a recovery", () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ LOG_LEVEL: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const reporter = new OutageReporter(logger, "relay", () => 0);
    reporter.succeeded();
    expect(lines).toHaveLength(0);
    reporter.failed(new Error("x"));
    reporter.succeeded();
    reporter.failed(new Error("y"));
    expect(lines.map((l) => l.msg)).toEqual([
      "relay: down, backing off",
      "relay: recovered",
      "relay: down, backing off",
    ]);
  });
});
