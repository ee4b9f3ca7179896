import { randomBytes } from "node:crypto";
import { type Application, createApplication } from "@/app/composition-root";
import { createLogger } from "@/shared/infrastructure/logging/logger";
import { testConfig } from "./test-config";
import { provisionTestDatabase } from "./test-database";

export interface TestApp {
  readonly app: Application;
  /** Every JSON log line the app wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** `app.http.request` with a JSON body and headers made easy. */
  request(
    path: string,
    init?: { method?: string; json?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  dispose(): Promise<void>;
}

/**
 * The whole application, in process, on a fresh migrated database (and, when REDIS_URL is set, a key
 * prefix of its own). Requests go through the full middleware stack via `app.http.request`.
 */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await provisionTestDatabase();
  const config = testConfig({
    LOG_LEVEL: "info",
    REDIS_KEY_PREFIX: `${testConfig().REDIS_KEY_PREFIX}test-${randomBytes(4).toString("hex")}:`,
    ...database.env,
    ...overrides,
  });
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger(config, { write: (line: string) => void logs.push(JSON.parse(line)) });
  let app: Application;
  try {
    app = await createApplication(config, { logger });
    await app.start();
  } catch (error) {
    await database.dispose();
    throw error;
  }
  return {
    app,
    logs,
    request(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.json !== undefined) headers["content-type"] ??= "application/json";
      return Promise.resolve(
        app.http.request(path, {
          method: init.method ?? (init.json === undefined ? "GET" : "POST"),
          headers,
          ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
        }),
      );
    },
    async dispose() {
      await app.stop();
      await database.dispose();
    },
  };
}
