import pino from "pino";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { currentRequestContext } from "@/shared/infrastructure/request-context/request-context";
import { redactSecrets } from "@/shared/infrastructure/secrets/redact-secrets";
import { serializeError } from "./serialize-error";

export type Logger = pino.Logger;
export type LogDestination = pino.DestinationStream;

/**
 * JSON logs on stdout (or `destination`, which tests use to capture lines). Every line written while
 * serving a request carries its trace and request ids, whoever logs it.
 */
export function createLogger(config: Pick<Config, "LOG_LEVEL">, destination?: LogDestination): Logger {
  const options: pino.LoggerOptions = {
    level: config.LOG_LEVEL,
    base: { service: "nexus" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }), log: (object) => redactSecrets(object) },
    serializers: { err: serializeError },
    mixin() {
      const ctx = currentRequestContext();
      return ctx ? { traceId: ctx.traceId, requestId: ctx.requestId } : {};
    },
  };
  // Asynchronous stdout: a synchronous write(2) per line was a quarter of a request's CPU (bench/).
  // Writes coalesce while one is in flight, so a quiet server still logs each line at once;
  // main.ts flushes on shutdown.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

/** The part of pino's SonicBoom destination that tells whether an asynchronous write is in flight. */
interface AsyncDestination {
  readonly _writing?: boolean;
  once(event: "drain", listener: () => void): unknown;
}

/**
 * Resolves once every line logged so far has reached stdout (bounded, so a stuck stdout cannot hold an
 * exit). Call before process.exit: pino's exit hook writes the buffered lines synchronously but not the
 * one whose asynchronous write is in flight, which was lost (seen as a missing "database closed" at
 * shutdown). `logger.flush(cb)` does not wait: with SonicBoom's default minLength 0 it calls back at once.
 */
export function drainLogs(logger: Logger, timeoutMs = 2_000): Promise<void> {
  const stream = (logger as unknown as Record<symbol, AsyncDestination | undefined>)[pino.symbols.streamSym];
  if (!stream?._writing) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    stream.once("drain", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
