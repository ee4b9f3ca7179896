import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { createTestApp, type TestApp } from "../../../support/test-app";
import { AuthClient } from "./auth-client";

/** The whole app in process (PGlite or DATABASE_URL, in-process cache or REDIS_URL), behind one trusted proxy hop. */
export async function createAuthTestApp(overrides: Record<string, string> = {}): Promise<{
  app: TestApp;
  client(ip?: string): AuthClient;
}> {
  const app = await createTestApp({ TRUST_PROXY_HOPS: "1", ...overrides });
  // Mail is queued in the outbox: without a running relay, reading the mailbox drains it first.
  const relay = app.app.container.resolve(PlatformTokens.EventBus).relay;
  const deliverMail = app.app.config.RELAY_ENABLED ? async () => {} : () => relay.drain();
  return { app, client: (ip) => new AuthClient((path, init) => app.request(path, init), ip, deliverMail) };
}
