/**
 * Field names whose values must never reach a log line, matched at the top level and a few levels deep
 * (pino's redaction compiles explicit paths, so "any depth" means "any depth we actually log").
 */
export const SECRET_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "passwordHash",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "tokenHash",
  "secret",
  "clientSecret",
  "apiKey",
  "privateKey",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "set-cookie",
  "JWT_PRIVATE_KEYS",
  "SQS_SECRET_ACCESS_KEY",
  "DATABASE_URL",
  "REDIS_URL",
  "SMTP_URL",
] as const;

const MAX_DEPTH = 4;

export const REDACTED = "[REDACTED]";

export function redactPaths(keys: readonly string[] = SECRET_KEYS): string[] {
  const paths: string[] = [];
  for (const key of keys) {
    const accessor = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
    for (let depth = 0; depth < MAX_DEPTH; depth++) {
      const prefix = "*.".repeat(depth);
      paths.push(accessor.startsWith("[") ? `${prefix.slice(0, -1)}${accessor}` : `${prefix}${accessor}`);
    }
  }
  return paths;
}
