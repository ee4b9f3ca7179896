import { type Config, configSchema } from "./config.schema";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/**
 * Parses the environment once, at start-up. Only entry points (main, CLI, test setup) call this;
 * everything else receives the typed `Config` from the container.
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const value = typeof issue.path[0] === "string" && isSecret(issue.path[0]) ? "" : describe(env, issue.path[0]);
    return `  ${name}${value}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}

function isSecret(name: string): boolean {
  return /KEY|SECRET|PASSWORD|TOKEN|URL/.test(name);
}

function describe(env: Readonly<Record<string, string | undefined>>, key: PropertyKey | undefined): string {
  if (typeof key !== "string" || env[key] === undefined) return "";
  return ` (got "${String(env[key]).slice(0, 40)}")`;
}
