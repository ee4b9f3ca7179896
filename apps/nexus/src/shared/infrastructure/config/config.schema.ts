import { z } from "zod";

const optionalUrl = (protocols: readonly string[]) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? undefined : v))
    .pipe(
      z
        .url({ error: `must be a URL (${protocols.join(", ")})` })
        .refine((v) => protocols.some((p) => v.startsWith(`${p}:`)), {
          error: `must start with ${protocols.map((p) => `${p}://`).join(" or ")}`,
        })
        .optional(),
    )
    .optional();

const csv = z
  .string()
  .default("")
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

// `PORT=` (set but empty, as env files and compose often leave it) means "use the default", as it
// does for URLs; z.coerce alone would read "" as 0 and, say, listen on a random port.
const unsetIfBlank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const int = (def: number, min: number, max: number) =>
  z.preprocess(unsetIfBlank, z.coerce.number().int().min(min).max(max).default(def));

const bool = (def: boolean) =>
  z.preprocess(
    unsetIfBlank,
    z
      .enum(["true", "false", "1", "0"])
      .default(def ? "true" : "false")
      .transform((v) => v === "true" || v === "1"),
  );

/** Every setting Nexus reads, with its default. The README's configuration table mirrors this. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    // Loopback unless told otherwise: a dev server (with its mailbox) is not for the whole network.
    HOST: z.string().trim().min(1).default("127.0.0.1"),
    PORT: int(3000, 0, 65535),
    PUBLIC_BASE_URL: z.url().default("http://localhost:3000"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Log every SQL statement with its duration (never its bound values); not in production. */
    LOG_SQL: bool(false),
    DATA_DIR: z.string().default("./.data"),

    DATABASE_URL: optionalUrl(["postgres", "postgresql"]),
    DATABASE_POOL_MAX: int(10, 1, 200),
    DATABASE_CONNECT_TIMEOUT_SECONDS: int(5, 1, 120),
    REDIS_URL: optionalUrl(["redis", "rediss"]),
    REDIS_KEY_PREFIX: z.string().default("nexus:"),
    MIGRATE_ON_START: z.enum(["auto", "true", "false"]).default("auto"),
    SQS_ENDPOINT: optionalUrl(["http", "https"]),
    SQS_REGION: z.string().default("us-east-1"),
    SQS_QUEUE_NAME: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,80}$/)
      .default("nexus-events"),
    SQS_ACCESS_KEY_ID: z.string().default("nexus"),
    SQS_SECRET_ACCESS_KEY: z.string().default("nexus"),
    SMTP_URL: optionalUrl(["smtp", "smtps"]),
    MAIL_FROM: z.string().default("Nexus <no-reply@nexus.local>"),
    DEV_MAILBOX: z.enum(["auto", "true", "false"]).default("auto"),
    /** Seals queued mail in the outbox (base64/hex, >= 32 bytes, comma-separated for rotation); default: a key file under DATA_DIR. */
    MAIL_SEAL_KEY: z.string().trim().optional(),
    /** Keys the audit hash chain (HMAC, ADR 0015); same format and default as MAIL_SEAL_KEY. */
    AUDIT_CHAIN_KEY: z.string().trim().optional(),

    JWT_PRIVATE_KEYS: z.string().optional(),
    JWT_ISSUER: z.string().default("nexus"),
    JWT_AUDIENCE: z.string().default("nexus-api"),
    ACCESS_TOKEN_TTL_SECONDS: int(900, 600, 900),
    REFRESH_TOKEN_TTL_SECONDS: int(30 * 24 * 3600, 3600, 365 * 24 * 3600),
    // Two tabs refreshing at once must not sign the user out; a replay after this window still does.
    REFRESH_REUSE_GRACE_SECONDS: int(10, 0, 60),
    // Invitations mailed per rolling 24 hours (429 past it): bounds what one account or one
    // organization can make Nexus send to addresses that never asked for it.
    INVITATIONS_PER_DAY_PER_ORGANIZATION: int(50, 1, 100_000),
    INVITATIONS_PER_DAY_PER_INVITER: int(20, 1, 100_000),

    BODY_LIMIT_BYTES: int(1024 * 1024, 1024, 100 * 1024 * 1024),
    CORS_ORIGINS: csv,
    TRUST_PROXY_HOPS: int(0, 0, 10),
    API_RATE_LIMIT_PER_MINUTE: int(1200, 0, 1_000_000),
    IDEMPOTENCY_TTL_SECONDS: int(24 * 3600, 60, 30 * 24 * 3600),
    SHUTDOWN_TIMEOUT_MS: int(10_000, 0, 120_000),
    OUTBOX_POLL_MS: int(250, 10, 60_000),
    OUTBOX_MAX_ATTEMPTS: int(10, 1, 100),
    RELAY_ENABLED: bool(true),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === "production" && !c.JWT_PRIVATE_KEYS) {
      ctx.addIssue({ code: "custom", path: ["JWT_PRIVATE_KEYS"], message: "is required when NODE_ENV=production" });
    }
    // Secrets outside the database: generated files under DATA_DIR would differ between instances.
    for (const key of ["MAIL_SEAL_KEY", "AUDIT_CHAIN_KEY"] as const) {
      if (c.NODE_ENV === "production" && !c[key]) {
        ctx.addIssue({ code: "custom", path: [key], message: "is required when NODE_ENV=production" });
      }
    }
    if (c.NODE_ENV === "production" && c.LOG_SQL) {
      ctx.addIssue({
        code: "custom",
        path: ["LOG_SQL"],
        message: "is for development; not allowed when NODE_ENV=production",
      });
    }
    // Sessions, rate limits, lockouts and revocations would live in one process's memory: with a
    // shared database that means several instances, each with its own idea of who is locked out.
    if (c.NODE_ENV === "production" && c.DATABASE_URL && !c.REDIS_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["REDIS_URL"],
        message:
          "is required when NODE_ENV=production and DATABASE_URL is set (shared state must not live in one process)",
      });
    }
  });

export type Config = z.infer<typeof configSchema>;
