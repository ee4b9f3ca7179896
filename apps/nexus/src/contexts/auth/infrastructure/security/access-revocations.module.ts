import type { Container } from "@/shared/infrastructure/container/container";
import type { PeriodicTask } from "@/shared/infrastructure/maintenance/periodic-tasks";
import { PlatformTokens as P } from "@/shared/infrastructure/platform.tokens";
import type { AccessRevocations } from "../../application/ports/access-revocations.port";
import { AuthTokens } from "../auth.tokens";
import { DrizzleAccessRevocationStore } from "../persistence/drizzle-access-revocation.store";
import { AccessRevoked } from "./access-revocation";
import { OutboxAccessRevocations } from "./outbox.access-revocations";
import { RevocationFeed } from "./revocation-feed";

export interface AccessRevocationParts {
  /** What the guard checks. */
  readonly feed: RevocationFeed;
  /** What the use cases record revocations with. */
  readonly port: AccessRevocations;
  readonly purgeTask: PeriodicTask;
}

/**
 * Wires the revocation subsystem (ADR 0010): the relay's handler that broadcasts committed
 * revocations (subscribed before the event bus starts), and the feed, subscribed at once so the
 * guard goes live as soon as it has loaded the revocations from the database.
 */
export async function startAccessRevocations(container: Container): Promise<AccessRevocationParts> {
  const config = container.resolve(P.Config);
  const database = container.resolve(P.Database);
  const store = new DrizzleAccessRevocationStore(database);
  container.singleton(
    AuthTokens.RevocationFeed,
    (r) =>
      new RevocationFeed(store, r.resolve(P.Broadcast), r.resolve(P.Logger), {
        liveGauge: r
          .resolve(P.Metrics)
          .gauge("auth_revocation_feed_live", "1 while revocations are checked in memory, 0 while in the database"),
      }),
    (feed) => feed.stop(),
  );
  const feed = container.resolve(AuthTokens.RevocationFeed);
  container
    .resolve(P.EventBus)
    .dispatcher.subscribe("auth.access-revocation-broadcast", AccessRevoked, (event) =>
      feed.publish(event.payload.revocations),
    );
  await feed.start();
  const port = new OutboxAccessRevocations(
    database,
    store,
    container.resolve(P.Outbox),
    feed,
    config.ACCESS_TOKEN_TTL_SECONDS,
  );
  const purgeTask: PeriodicTask = {
    name: "auth.access-revocations.purge-expired",
    everyMs: 10 * 60_000,
    run: () => store.purgeExpired(new Date()),
  };
  return { feed, port, purgeTask };
}
