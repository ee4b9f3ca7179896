import { randomBytes } from "node:crypto";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { loadConfig } from "@/shared/infrastructure/config/load-config";

/** A queue of its own, so test files running in parallel never consume each other's events. */
export function uniqueQueueName(): string {
  return `nexus-test-${randomBytes(4).toString("hex")}`;
}

/**
 * The process environment (so DATABASE_URL & co. select real adapters) with test defaults on top.
 * Each call gets its own SQS queue name unless one is given.
 */
export function testConfig(overrides: Partial<Record<string, string>> = {}): Config {
  return loadConfig({
    ...process.env,
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    SQS_QUEUE_NAME: uniqueQueueName(),
    ...overrides,
  });
}
