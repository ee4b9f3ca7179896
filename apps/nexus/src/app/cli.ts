import { loadConfig } from "@/shared/infrastructure/config/load-config";
import { cliCommands } from "./cli-commands";
import { operatorMessage } from "./operator-error";

/** `npm run nexus -- <command> [args]`: operational commands. Exit code 0 on success, 1 on failure. */
async function run(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = cliCommands.find((c) => c.name === name);
  if (!command) {
    const usage = cliCommands.map((c) => `  ${c.name.padEnd(20)} ${c.summary}`).join("\n");
    console.error(`${name ? `Unknown command "${name}".\n\n` : ""}Usage: npm run nexus -- <command>\n\n${usage}`);
    return name ? 1 : 0;
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" });
  return command.run(config, args);
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(operatorMessage(error) ?? error);
    process.exit(1);
  });
