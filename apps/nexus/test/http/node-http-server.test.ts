import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { HttpServer } from "@/shared/infrastructure/http/http-server.port";
import { NodeHttpServer } from "@/shared/infrastructure/http/node-http.server";
import { createTestApp } from "./support/http-test-app";

/** Resolves true if a TCP connection is accepted, false if refused. */
function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("NodeHttpServer", () => {
  let server: HttpServer | undefined;
  afterEach(async () => {
    await server?.close();
  });

  it("serves the app on an ephemeral port with the socket address as client IP", async () => {
    const { app, logs } = createTestApp();
    server = new NodeHttpServer(app.fetch, { host: "127.0.0.1", port: 0, shutdownTimeoutMs: 1000 });
    const { port } = await server.listen();
    expect(port).toBeGreaterThan(0);
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/me`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f]{32}$/);
    expect(logs.requestLine("/api/v1/me")?.ip).toBe("127.0.0.1");
  });

  it("on close, refuses new connections but lets the in-flight request finish", async () => {
    const { app, controller } = createTestApp();
    server = new NodeHttpServer(app.fetch, { host: "127.0.0.1", port: 0, shutdownTimeoutMs: 10_000 });
    const { port } = await server.listen();

    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/slow`);
    await controller.slowEntered;
    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });

    await until(async () => !(await canConnect(port)), "new connections to be refused");
    expect(closed).toBe(false);

    controller.release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ finished: true });
    await closing;
    expect(closed).toBe(true);
  });

  it("cuts off a request that outlives SHUTDOWN_TIMEOUT_MS so close still resolves", async () => {
    const { app, controller } = createTestApp();
    server = new NodeHttpServer(app.fetch, { host: "127.0.0.1", port: 0, shutdownTimeoutMs: 100 });
    const { port } = await server.listen();
    const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/slow`).then(
      () => "answered",
      () => "cut off",
    );
    await controller.slowEntered;
    await server.close();
    expect(await inFlight).toBe("cut off");
    controller.release();
  });
});
