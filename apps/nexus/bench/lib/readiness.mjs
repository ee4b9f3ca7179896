// Port picking and readiness polling, loopback only.
import { createServer } from "node:net";

export const HOST = "127.0.0.1";

/** A port that was free a moment ago (the server is started right after, so a clash is unlikely). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const POLL_INTERVAL_MS = 10;

/**
 * Polls `url` until it answers 200. Resolves with the time of the first 200 (performance.now()); rejects when
 * the process exits first or the deadline passes. Fails fast rather than waiting out the deadline.
 */
export async function waitForOk(url, { proc, timeoutMs }) {
  const deadline = performance.now() + timeoutMs;
  let exited = null;
  proc.exited.then((e) => {
    exited = e;
  });
  let last = "no answer";
  while (performance.now() < deadline) {
    if (exited)
      throw new Error(`server exited before ready (${exited.signal ?? `exit ${exited.code}`}):\n${proc.stderrTail()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) return performance.now();
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? (error.cause?.code ?? error.message) : String(error);
    }
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms (last: ${last}):\n${proc.stderrTail()}`);
}
