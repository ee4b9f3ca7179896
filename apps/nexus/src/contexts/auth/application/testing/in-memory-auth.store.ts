import type { MembershipProps } from "../../domain/membership.entity";
import type { OneTimeTokenProps } from "../../domain/one-time-token.entity";
import type { OrganizationProps } from "../../domain/organization.entity";
import type { SessionProps } from "../../domain/session.entity";
import type { UserProps } from "../../domain/user.entity";
import type { AuthAuditEntry } from "../ports/auth-audit-log.port";
import type { AuthDomainEvent } from "../ports/auth-events.port";

export interface RecordedAuditEntry {
  readonly entry: AuthAuditEntry;
  /** True when written with `recordIndependently` (its own commit). */
  readonly independent: boolean;
}

interface Tables {
  users: Map<string, UserProps>;
  organizations: Map<string, OrganizationProps>;
  memberships: Map<string, MembershipProps>;
  sessions: Map<string, SessionProps>;
  /** Refresh token hash → the session and generation it was issued as. */
  refreshFamily: Map<string, { sessionId: string; generation: number }>;
  oneTimeTokens: Map<string, OneTimeTokenProps>;
  audit: RecordedAuditEntry[];
  /** The "outbox": events published in a unit of work (rolled back with it). */
  events: AuthDomainEvent[];
}

/**
 * The "database" of the in-memory auth ports (tests only). It stores entity PROPS, never live
 * entities, so a use case that mutates an entity and forgets to save it is caught, as with a real
 * database. `snapshot`/`restore` give the fake unit of work its rollback.
 */
export class InMemoryAuthStore {
  readonly tables: Tables = InMemoryAuthStore.empty();

  snapshot(): Tables {
    const t = this.tables;
    return {
      users: new Map(t.users),
      organizations: new Map(t.organizations),
      memberships: new Map(t.memberships),
      sessions: new Map(t.sessions),
      refreshFamily: new Map(t.refreshFamily),
      oneTimeTokens: new Map(t.oneTimeTokens),
      audit: [...t.audit],
      events: [...t.events],
    };
  }

  /** In place, so a test holding `store.tables.sessions` sees the rollback too. */
  restore(snapshot: Tables): void {
    const t = this.tables;
    for (const name of [
      "users",
      "organizations",
      "memberships",
      "sessions",
      "refreshFamily",
      "oneTimeTokens",
    ] as const) {
      const table = t[name] as Map<string, unknown>;
      table.clear();
      for (const [key, value] of snapshot[name] as Map<string, unknown>) table.set(key, value);
    }
    t.audit.splice(0, t.audit.length, ...snapshot.audit);
    t.events.splice(0, t.events.length, ...snapshot.events);
  }

  private static empty(): Tables {
    return {
      users: new Map(),
      organizations: new Map(),
      memberships: new Map(),
      sessions: new Map(),
      refreshFamily: new Map(),
      oneTimeTokens: new Map(),
      audit: [],
      events: [],
    };
  }
}
