import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const APP_DIR = fileURLToPath(new URL("../..", import.meta.url));
const BUN = fileURLToPath(new URL("../../../../node_modules/.bin/bun", import.meta.url));

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run nexus -- <args>` as a real process (Bun), with the given environment on top of this one. */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliOutcome> {
  return new Promise((resolve) => {
    execFile(
      BUN,
      ["src/app/cli.ts", ...args],
      { cwd: APP_DIR, env: { ...process.env, LOG_LEVEL: "silent", ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
