import type { PGlite } from "@electric-sql/pglite";
import type postgres from "postgres";
import type { Logger } from "@/shared/infrastructure/logging/logger";

/** Told of each statement the driver ran: its text (placeholders, never the bound values) and duration. */
export type QueryLog = (text: string, durationMs: number, failed: boolean) => void;

/** `LOG_SQL=true` (development and test only): one debug-friendly info line per statement. */
export function sqlQueryLog(logger: Logger): QueryLog {
  return (text, durationMs, failed) =>
    logger.info({ sql: text.length > 2000 ? `${text.slice(0, 2000)}…` : text, durationMs, failed }, "sql");
}

const elapsed = (start: number) => Math.round((performance.now() - start) * 1000) / 1000;

async function timed<T>(log: QueryLog, text: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    const result = await run();
    log(text, elapsed(start), false);
    return result;
  } catch (error) {
    log(text, elapsed(start), true);
    throw error;
  }
}

/** PGlite (or a transaction of it) whose `query` calls are timed; everything else is the original. */
export function timedPglite<T extends Pick<PGlite, "query">>(client: T, log: QueryLog): T {
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (property === "query") {
        return (text: string, ...rest: unknown[]) =>
          timed(log, text, () => (value as (...a: unknown[]) => Promise<unknown>).call(target, text, ...rest));
      }
      if (property === "transaction") {
        return <R>(callback: (tx: T) => Promise<R>) =>
          (value as (cb: (tx: T) => Promise<R>) => Promise<R>).call(target, (tx: T) => callback(timedPglite(tx, log)));
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * postgres.js whose `unsafe` queries (all Drizzle sends) are timed, in transactions and savepoints too.
 * A postgres.js query is a lazy promise: it runs when awaited, so the clock stops in its `then`.
 */
export function timedPostgres(sql: postgres.Sql, log: QueryLog): postgres.Sql {
  const wrap = <S extends object>(client: S): S =>
    new Proxy(client, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (typeof value !== "function") return value;
        if (property === "unsafe") {
          return (text: string, ...rest: unknown[]) => {
            const query = value.call(target, text, ...rest) as Promise<unknown>;
            const start = performance.now();
            const then = query.then;
            let logged = false;
            const once = (failed: boolean) => {
              if (!logged) log(text, elapsed(start), failed);
              logged = true;
            };
            // biome-ignore lint/suspicious/noThenProperty: a postgres.js query runs when awaited; its then is where it ends
            query.then = function (this: Promise<unknown>, onFulfilled, onRejected) {
              return then.call(
                this,
                (result) => {
                  once(false);
                  return onFulfilled ? onFulfilled(result) : result;
                },
                (error: unknown) => {
                  once(true);
                  if (onRejected) return onRejected(error);
                  throw error;
                },
              );
            } as typeof query.then;
            return query;
          };
        }
        if (property === "begin" || property === "savepoint") {
          return (...args: unknown[]) => {
            const callback = args.pop() as (tx: object) => unknown;
            return value.call(target, ...args, (tx: object) => callback(wrap(tx)));
          };
        }
        return value.bind(target);
      },
    });
  return wrap(sql);
}
