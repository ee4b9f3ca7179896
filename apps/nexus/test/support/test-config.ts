import type { Config } from "@/shared/infrastructure/config/config.schema";
import { loadConfig } from "@/shared/infrastructure/config/load-config";

/** The process environment (so DATABASE_URL & co. select real adapters) with test defaults on top. */
export function testConfig(overrides: Partial<Record<string, string>> = {}): Config {
  return loadConfig({ ...process.env, NODE_ENV: "test", LOG_LEVEL: "silent", ...overrides });
}
