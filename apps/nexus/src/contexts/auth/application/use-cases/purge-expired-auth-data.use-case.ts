import { ok, type Result } from "@/shared/domain/result";
import type { AuthDeps } from "../auth-deps";

/** How long ended sessions and spent tokens are kept (sessions list, audit context): 30 days. */
export const AUTH_DATA_RETENTION_SECONDS = 30 * 24 * 60 * 60;

export interface PurgeExpiredAuthDataOutput {
  readonly sessions: number;
  readonly oneTimeTokens: number;
}

type Deps = Pick<AuthDeps, "sessions" | "oneTimeTokens" | "clock">;

/**
 * Housekeeping (a periodic task, no endpoint): deletes what can never be used again — sessions
 * expired or revoked, with their refresh-token hashes, and one-time tokens expired or used — once
 * they are older than the retention. Idempotent, so every instance may run it.
 */
export class PurgeExpiredAuthDataUseCase {
  constructor(
    private readonly deps: Deps,
    private readonly retentionSeconds: number = AUTH_DATA_RETENTION_SECONDS,
  ) {
    // A negative retention would put the cutoff in the future and delete live sessions.
    if (!Number.isFinite(retentionSeconds) || retentionSeconds < 0) {
      throw new RangeError(`retention must be a non-negative number of seconds: ${retentionSeconds}`);
    }
  }

  async execute(): Promise<Result<PurgeExpiredAuthDataOutput, never>> {
    const cutoff = this.deps.clock.now().plusMillis(-this.retentionSeconds * 1000);
    const sessions = await this.deps.sessions.purgeEndedBefore(cutoff);
    const oneTimeTokens = await this.deps.oneTimeTokens.purgeSpentBefore(cutoff);
    return ok({ sessions, oneTimeTokens });
  }
}
