import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const CONFIG = fileURLToPath(new URL("../../redocly.yaml", import.meta.url));
const REDOCLY = fileURLToPath(new URL("../../../../node_modules/@redocly/cli/bin/cli.js", import.meta.url));

export interface LintProblem {
  readonly ruleId: string;
  readonly severity: "error" | "warn";
  readonly message: string;
  readonly location: readonly { pointer: string }[];
}

/** `redocly lint` (apps/nexus/redocly.yaml) on an OpenAPI document, as a client team would run it. */
export async function redoclyLint(document: unknown): Promise<{ errors: number; problems: LintProblem[] }> {
  const dir = await mkdtemp(join(tmpdir(), "nexus-openapi-"));
  try {
    const file = join(dir, "openapi.json");
    await writeFile(file, JSON.stringify(document));
    const args = [REDOCLY, "lint", file, "--config", CONFIG, "--format=json"];
    const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
    // Redocly exits 1 when it finds errors; the report on stdout says which.
    const { stdout } = await promisify(execFile)(process.execPath, args, { env, maxBuffer: 16 << 20 }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }),
    );
    const report = JSON.parse(stdout) as { totals: { errors: number }; problems: LintProblem[] };
    return { errors: report.totals.errors, problems: report.problems };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
