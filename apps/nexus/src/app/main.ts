import { loadConfig } from "@/shared/infrastructure/config/load-config";
import { createHttpServer } from "@/shared/infrastructure/http/create-http-server";
import { drainLogs } from "@/shared/infrastructure/logging/logger";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { createApplication } from "./composition-root";
import { operatorMessage } from "./operator-error";

/** `npm start`: serve the whole API until SIGTERM/SIGINT, then shut down gracefully. */
async function main(): Promise<void> {
  // Signals are caught from the first moment: one that arrives while starting waits for the start to
  // finish, then shuts down gracefully (the default would kill the process mid-start). A second one
  // while starting gives up at once.
  let shutdown: ((signal: string) => Promise<void>) | undefined;
  let requested: string | undefined;
  const onSignal = (signal: string) => {
    if (shutdown) return void shutdown(signal);
    if (requested) process.exit(1);
    requested = signal;
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));

  const startedAt = performance.now();
  const config = loadConfig(process.env);
  const app = await createApplication(config);
  const server = createHttpServer(app.http.fetch, {
    host: config.HOST,
    port: config.PORT,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
  });
  const { port } = await server.listen();
  await app.start(); // /health/ready answers 503 "starting" until here
  app.logger.info(
    {
      port,
      database: app.container.resolve(PlatformTokens.Database).kind,
      startupMs: Math.round(performance.now() - startedAt),
    },
    `Nexus listening on http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port} (docs at /docs)`,
  );

  let stopping = false;
  shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, "shutting down: readiness fails, in-flight requests finish");
    // Readiness first so load balancers stop routing, then drain HTTP, then relay and pools.
    app.container.resolve(PlatformTokens.Readiness).setDraining();
    try {
      await server.close();
      app.logger.info("http server closed: in-flight requests finished");
      await app.stop();
      app.logger.info("shutdown complete");
      await drainLogs(app.logger);
      process.exit(0);
    } catch (error) {
      app.logger.error({ err: error }, "shutdown failed");
      await drainLogs(app.logger);
      process.exit(1);
    }
  };
  if (requested) await shutdown(requested);
}

main().catch((error: unknown) => {
  const message = operatorMessage(error);
  if (message) console.error(message);
  else console.error("Nexus failed to start:", error);
  process.exit(1);
});
