/**
 * Run by bun-http-server.test.ts under Bun (vitest itself runs on Node): exercises the real
 * BunHttpServer picked by createHttpServer and prints what it observed as one JSON line.
 */
import { connect } from "node:net";
import { BunHttpServer } from "@/shared/infrastructure/http/bun-http.server";
import { createHttpServer } from "@/shared/infrastructure/http/create-http-server";
import { createTestApp } from "./http-test-app";

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

const { app, logs, controller } = createTestApp();
const server = createHttpServer(app.fetch, { host: "127.0.0.1", port: 0, shutdownTimeoutMs: 10_000 });
const { port } = await server.listen();

const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`);
const problem = await fetch(`http://127.0.0.1:${port}/api/v1/items`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: "{oops",
});

const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/slow`);
await controller.slowEntered;
let closed = false;
const closing = server.close().then(() => {
  closed = true;
});
const deadline = Date.now() + 5000;
let refused = false;
while (!refused && Date.now() < deadline) {
  refused = !(await canConnect(port));
  if (!refused) await new Promise((r) => setTimeout(r, 10));
}
const closedBeforeRelease = closed;
controller.release();
const slow = await inFlight;
const slowBody = await slow.json();
await closing;

console.log(
  JSON.stringify({
    adapter: server instanceof BunHttpServer ? "BunHttpServer" : server.constructor.name,
    meStatus: me.status,
    requestId: me.headers.get("x-request-id"),
    ip: logs.requestLine("/api/v1/me")?.ip,
    problemStatus: problem.status,
    problemType: problem.headers.get("content-type"),
    refused,
    closedBeforeRelease,
    slowStatus: slow.status,
    slowBody,
    closed,
  }),
);
