import { loadAuditChainKeys } from "./audit/audit-hash";
import { AuditTrail } from "./audit/audit-trail";
import { createBroadcast, createCache } from "./cache/create-cache";
import { type Clock, SystemClock } from "./clock/system.clock";
import type { Config } from "./config/config.schema";
import type { Container } from "./container/container";
import { createDatabaseClient } from "./database/create-database-client";
import type { DatabaseClient } from "./database/database-client";
import { migrateDatabase } from "./database/migrate";
import { DrizzleUnitOfWork } from "./database/unit-of-work";
import { createEventBus } from "./events/create-event-bus";
import { OutboxStore } from "./events/outbox-store";
import type { Controller } from "./http/controller";
import type { HealthCheck } from "./http/health-check";
import { ReadinessState } from "./http/readiness";
import { DrizzleIdempotencyStore } from "./idempotency/drizzle-idempotency.store";
import type { Logger } from "./logging/logger";
import { createMailer, shouldExposeDevMailbox } from "./mail/create-mailer";
import { DevMailboxController } from "./mail/dev-mailbox.controller";
import { DevMailboxMailer } from "./mail/dev-mailbox.mailer";
import { MailDeliveryHandler } from "./mail/mail-delivery.handler";
import { MailDeliveryTransport } from "./mail/mail-delivery.transport";
import { loadMailSeal } from "./mail/mail-seal";
import type { Mailer } from "./mail/mailer.port";
import { OutboxMailer } from "./mail/outbox.mailer";
import { SmtpMailer } from "./mail/smtp.mailer";
import { PeriodicTasks } from "./maintenance/periodic-tasks";
import { MetricsRegistry } from "./metrics/metrics-registry";
import { PlatformTokens as T } from "./platform.tokens";
import { createRateLimiter } from "./rate-limit/create-rate-limiter";

/**
 * Stand-ins for the process's clock and mail transport. Only `seed-demo` uses them: it runs the use
 * cases on past days and follows the verification mail it caught (docs/bi.md, "Demo data").
 */
export interface PlatformOverrides {
  readonly clock?: Clock;
  readonly mailer?: Mailer;
}

export interface PlatformModule {
  readonly controllers: readonly Controller[];
  readonly healthChecks: readonly HealthCheck[];
}

/**
 * Opens the platform's connections and registers them. Disposal runs in reverse order, so the event
 * bus stops before the cache and the database close.
 */
export async function registerPlatform(
  container: Container,
  config: Config,
  logger: Logger,
  overrides: PlatformOverrides = {},
): Promise<PlatformModule> {
  const metrics = new MetricsRegistry();
  container.value(T.Config, config).value(T.Logger, logger).value(T.Metrics, metrics);
  container.value(T.Readiness, ReadinessState.starting(logger)).value(T.Clock, overrides.clock ?? new SystemClock());

  const database = await createDatabaseClient(config, logger);
  container.singleton(
    T.Database,
    () => database,
    async (db) => {
      await db.close();
      logger.info({ database: db.kind }, "database closed");
    },
  );
  container.resolve(T.Database); // owned by the container from here on, so it is closed at shutdown
  if (shouldMigrateOnStart(config, database)) await migrateDatabase(database);

  const cache = createCache(config, {
    keyPrefix: config.REDIS_KEY_PREFIX,
    onError: (error) => logger.debug({ err: error }, "redis connection error"),
  });
  container.singleton(
    T.Cache,
    () => cache,
    (c) => c.close(),
  );
  container.resolve(T.Cache); // owned from here on too: a Redis socket left open keeps the process alive
  container.singleton(
    T.Broadcast,
    (r) =>
      createBroadcast(r.resolve(T.Cache), {
        keyPrefix: config.REDIS_KEY_PREFIX,
        onError: (error) => logger.debug({ err: error }, "redis subscriber connection error"),
      }),
    (broadcast) => broadcast.close(),
  );
  container.singleton(T.RateLimiter, (r) => createRateLimiter(r.resolve(T.Cache)));

  // Use cases queue mail in their unit of work; the relay sends it to T.Mailer itself, outside any
  // transaction (ADR 0014: mail through the outbox).
  const seal = await loadMailSeal(config);
  const uow = new DrizzleUnitOfWork(database);
  const mailDelivery = new MailDeliveryHandler({
    client: database,
    uow,
    seal,
    mailer: () => container.resolve(T.Mailer),
    logger,
  });
  const events = createEventBus({
    client: database,
    uow,
    config,
    logger,
    metrics,
    relayTransport: (transport) => new MailDeliveryTransport(transport, mailDelivery, logger),
  });
  container.singleton(
    T.EventBus,
    () => events,
    (bus) => bus.stop(),
  );
  container.singleton(T.UnitOfWork, (r) => r.resolve(T.EventBus).uow);
  container.singleton(T.Outbox, (r) => r.resolve(T.EventBus).outbox);
  const auditKeys = await loadAuditChainKeys(config);
  container.singleton(T.AuditTrail, (r) => new AuditTrail(r.resolve(T.Database), auditKeys));
  container.singleton(T.IdempotencyStore, (r) => new DrizzleIdempotencyStore(r.resolve(T.Database)));
  container.singleton(
    T.Mailer,
    (r) => overrides.mailer ?? createMailer(config, r.resolve(T.Database)),
    (mailer) => (mailer instanceof SmtpMailer ? mailer.close() : undefined),
  );
  container.singleton(T.QueuedMailer, (r) => new OutboxMailer(r.resolve(T.Outbox), seal));

  container.singleton(
    T.PeriodicTasks,
    (r) => {
      const idempotency = r.resolve(T.IdempotencyStore);
      const outbox = new OutboxStore(database);
      return new PeriodicTasks(
        [
          { name: "idempotency-keys.purge-expired", everyMs: 60 * 60_000, run: () => idempotency.purgeExpired() },
          // Queued mail and revocation broadcasts are not part of the event log (EventContract.retainDays).
          { name: "outbox.purge-transient", everyMs: 60 * 60_000, run: () => outbox.purgeTransient() },
        ],
        logger,
      );
    },
    (tasks) => tasks.stop(),
  );

  await sealUnkeyedAuditChains(container.resolve(T.AuditTrail), logger);
  const mailer = container.resolve(T.Mailer);
  const controllers: Controller[] = [];
  if (shouldExposeDevMailbox(config) && mailer instanceof DevMailboxMailer) {
    controllers.push(new DevMailboxController(mailer));
  }
  return { controllers, healthChecks: platformHealthChecks(database, container) };
}

/** Entries hashed before the chain had a key get a keyed seal (ADR 0015); an unmigrated database has none yet. */
async function sealUnkeyedAuditChains(audit: AuditTrail, logger: Logger): Promise<void> {
  try {
    const sealed = await audit.sealUnkeyedChains();
    if (sealed > 0)
      logger.info({ chains: sealed }, "audit chains written before AUDIT_CHAIN_KEY sealed with a keyed entry");
  } catch (error) {
    logger.warn({ err: error }, "audit chains not sealed at start-up (is the database migrated?)");
  }
}

function shouldMigrateOnStart(config: Config, database: DatabaseClient): boolean {
  if (config.MIGRATE_ON_START === "auto") return database.kind === "pglite";
  return config.MIGRATE_ON_START === "true";
}

function platformHealthChecks(database: DatabaseClient, container: Container): HealthCheck[] {
  return [
    { name: "database", check: () => database.ping() },
    { name: "cache", check: () => container.resolve(T.Cache).ping() },
    { name: "queue", check: () => container.resolve(T.EventBus).healthCheck() },
  ];
}
