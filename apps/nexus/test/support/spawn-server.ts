import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { SigningKeySet } from "@/contexts/auth/infrastructure/security/signing-keys";
import { waitUntil } from "./wait";

export { waitUntil } from "./wait";

const APP_DIR = fileURLToPath(new URL("../..", import.meta.url));
const BUN = fileURLToPath(new URL("../../../../node_modules/.bin/bun", import.meta.url));

export interface SpawnedServer {
  readonly url: string;
  readonly process: ChildProcess;
  /** Log lines (parsed JSON) and any non-JSON output, as they arrive. */
  readonly lines: Record<string, unknown>[];
  readonly output: string[];
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** `npm start` as a real process: Bun running src/app/main.ts with the given environment. */
export async function spawnServer(env: Record<string, string>, script = "src/app/main.ts"): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(BUN, [script], {
    cwd: APP_DIR,
    env: { ...process.env, NODE_ENV: "test", LOG_LEVEL: "info", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  const output: string[] = [];
  const record = (line: string) => {
    if (!line) return;
    output.push(line);
    try {
      lines.push(JSON.parse(line));
    } catch {
      // not a log line (e.g. a start-up error message)
    }
  };
  // A pipe chunk can end mid-line; keep the tail until its newline arrives (or the stream ends).
  const collector = () => {
    let partial = "";
    return {
      data: (chunk: Buffer) => {
        const parts = (partial + chunk.toString()).split("\n");
        partial = parts.pop() ?? "";
        for (const line of parts) record(line);
      },
      end: () => record(partial),
    };
  };
  for (const stream of [child.stdout, child.stderr]) {
    const { data, end } = collector();
    stream.on("data", data);
    stream.on("end", end);
  }
  // "close", not "exit": it comes after stdout and stderr ended, so every line is in `lines` by then.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    process: child,
    lines,
    output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * `count` real servers on one database — a PostgreSQL server: processes cannot share a PGlite
 * directory — and one signing key set, so a token issued by one is honoured by every other. They
 * neither migrate (the test database already is) nor chat below `warn`; `env` may override that.
 * Resolves once every one answers /health/ready; otherwise stops them all and throws with the last
 * lines each wrote.
 */
export async function spawnReadyServers(
  count: number,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<SpawnedServer[]> {
  const { json } = await SigningKeySet.generate();
  const shared = {
    JWT_PRIVATE_KEYS: json,
    TRUST_PROXY_HOPS: "1",
    MIGRATE_ON_START: "false",
    LOG_LEVEL: "warn",
    ...env,
  };
  const servers = await Promise.all(Array.from({ length: count }, () => spawnServer(shared)));
  try {
    await Promise.all(
      servers.map((server) =>
        waitUntil(
          async () => (await fetch(`${server.url}/health/ready`)).status === 200,
          timeoutMs,
          `${server.url} ready (${server.output.slice(-3).join(" | ")})`,
        ),
      ),
    );
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  return servers;
}
