import { afterAll, beforeAll, beforeEach } from "vitest";
import type { TestApp } from "../../../support/test-app";
import type { AuthClient } from "./auth-client";
import { createAuthTestApp } from "./auth-test-app";

export interface AuthE2e {
  /** This file's app: started before its first test, disposed after its last. */
  readonly app: TestApp;
  /** A fresh client for the running test, with its own address. */
  readonly client: AuthClient;
  /** One more client, from `ip` or a fresh random address. */
  newClient(ip?: string): AuthClient;
}

/**
 * The shared lifecycle of the auth e2e files; call it in the describe body. A client (address) per
 * test, so per-IP rate limits of one test never spill into the next.
 */
export function useAuthE2e(overrides: Record<string, string> = {}): AuthE2e {
  let created: Awaited<ReturnType<typeof createAuthTestApp>> | undefined;
  let client: AuthClient | undefined;
  const started = () => {
    if (!created) throw new Error("useAuthE2e: the app is not started (use it inside a test)");
    return created;
  };
  beforeAll(async () => {
    created = await createAuthTestApp(overrides);
  });
  afterAll(() => created?.app.dispose());
  beforeEach(() => {
    client = started().client();
  });
  return {
    get app() {
      return started().app;
    },
    get client() {
      if (!client) throw new Error("useAuthE2e: no client outside a test");
      return client;
    },
    newClient: (ip) => started().client(ip),
  };
}
