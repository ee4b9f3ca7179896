import { ConfigError } from "@/shared/infrastructure/config/load-config";
import { DataDirLockedError } from "@/shared/infrastructure/database/data-dir-lock";

/**
 * Errors an operator fixes (a setting, a data dir another process holds): their message says what to
 * do, so the entry points print it alone, without a stack trace.
 */
export function operatorMessage(error: unknown): string | null {
  return error instanceof ConfigError || error instanceof DataDirLockedError ? error.message : null;
}
