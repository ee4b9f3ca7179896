import { Uuid } from "@/shared/domain/uuid.value-object";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { afterCommit } from "@/shared/infrastructure/database/transaction-context";
import type { OutboxWriter } from "@/shared/infrastructure/events/outbox-writer";
import type { AccessRevocations } from "../../application/ports/access-revocations.port";
import type { Role } from "../../domain/role.value-object";
import type { DrizzleAccessRevocationStore, NewAccessRevocation } from "../persistence/drizzle-access-revocation.store";
import { AccessRevoked } from "./access-revocation";
import type { RevocationFeed } from "./revocation-feed";

/** Beyond the token lifetime: covers the verifier's clock tolerance and skew between instances. */
const MARGIN_SECONDS = 60;

/**
 * The use cases' AccessRevocations (ADR 0010), inside their transaction: the rows in
 * `auth.access_revocations` (what a reloading instance reads) and an outbox event (which the relay
 * broadcasts to the other instances, retrying until the broadcast takes it). This instance applies
 * its own revocations right after commit, before the response leaves.
 */
export class OutboxAccessRevocations implements AccessRevocations {
  private readonly ttlMs: number;

  constructor(
    private readonly client: DatabaseClient,
    private readonly store: Pick<DrizzleAccessRevocationStore, "record">,
    private readonly outbox: Pick<OutboxWriter, "publish">,
    private readonly feed: Pick<RevocationFeed, "apply">,
    accessTokenTtlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.ttlMs = (accessTokenTtlSeconds + MARGIN_SECONDS) * 1000;
  }

  revokeSessions(sessionIds: readonly Uuid[]): Promise<void> {
    return this.record(sessionIds.map((sessionId) => ({ kind: "session", sessionId })));
  }

  membershipChanged(organizationId: Uuid, userId: Uuid, role: Role | null): Promise<void> {
    return this.record([{ kind: "membership", organizationId, userId, role }]);
  }

  private async record(revocations: readonly NewAccessRevocation[]): Promise<void> {
    if (revocations.length === 0) return;
    const recorded = await this.store.record(revocations, new Date(this.now() + this.ttlMs));
    await this.outbox.publish(AccessRevoked, {
      organizationId: null,
      aggregateId: Uuid.generate(),
      payload: { revocations: recorded },
    });
    afterCommit(this.client, () => this.feed.apply(recorded));
  }
}
