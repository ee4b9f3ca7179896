import type { AuditTrail } from "./audit/audit-trail";
import type { Broadcast } from "./cache/broadcast.port";
import type { Cache } from "./cache/cache.port";
import type { Clock } from "./clock/system.clock";
import type { Config } from "./config/config.schema";
import { token } from "./container/token";
import type { DatabaseClient } from "./database/database-client";
import type { UnitOfWork } from "./database/unit-of-work";
import type { EventBus } from "./events/create-event-bus";
import type { OutboxWriter } from "./events/outbox-writer";
import type { ReadinessState } from "./http/readiness";
import type { IdempotencyStore } from "./idempotency/idempotency.store";
import type { Logger } from "./logging/logger";
import type { Mailer, QueuedMailer } from "./mail/mailer.port";
import type { PeriodicTasks } from "./maintenance/periodic-tasks";
import type { MetricsRegistry } from "./metrics/metrics-registry";
import type { RateLimiter } from "./rate-limit/rate-limiter.port";

/** Tokens for the platform services; contexts adapt them to their own small ports. */
export const PlatformTokens = {
  Config: token<Config>("Config"),
  Logger: token<Logger>("Logger"),
  Metrics: token<MetricsRegistry>("Metrics"),
  Readiness: token<ReadinessState>("Readiness"),
  Database: token<DatabaseClient>("DatabaseClient"),
  UnitOfWork: token<UnitOfWork>("UnitOfWork"),
  EventBus: token<EventBus>("EventBus"),
  Outbox: token<OutboxWriter>("OutboxWriter"),
  AuditTrail: token<AuditTrail>("AuditTrail"),
  Cache: token<Cache>("Cache"),
  Broadcast: token<Broadcast>("Broadcast"),
  RateLimiter: token<RateLimiter>("RateLimiter"),
  IdempotencyStore: token<IdempotencyStore>("IdempotencyStore"),
  /** Sends now; the relay's. Use cases queue mail with QueuedMailer instead. */
  Mailer: token<Mailer>("Mailer"),
  QueuedMailer: token<QueuedMailer>("QueuedMailer"),
  PeriodicTasks: token<PeriodicTasks>("PeriodicTasks"),
  Clock: token<Clock>("Clock"),
} as const;
