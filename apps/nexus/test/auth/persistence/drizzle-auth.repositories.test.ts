import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Paged } from "@/contexts/auth/application/ports/page";
import { DrizzleMembershipRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-membership.repository";
import { DrizzleOneTimeTokenRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-one-time-token.repository";
import { DrizzleSessionRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-session.repository";
import { DrizzleUserRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-user.repository";
import type { AuthList } from "@/contexts/auth/infrastructure/persistence/time-id-cursor";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { ListCursor } from "@/shared/infrastructure/database/list-cursor";
import { ConflictError } from "@/shared/infrastructure/errors/infrastructure.errors";
import { expectErr, expectOk } from "../../support/expectations";
import { createTestDatabase, type TestDatabase } from "../../support/test-database";
import { aMembership, anOrganization, aSession, aToken, at, aUser, uniqueEmail } from "./auth-fixtures";
import { describeAuthPurgeContract } from "./auth-purge.contract";
import { describeAuthRepositoriesContract } from "./auth-repositories.contract";
import { drizzleAuthRepositories } from "./drizzle-auth-repositories";

async function drizzleHarness() {
  const database = await createTestDatabase();
  return { ...drizzleAuthRepositories(database), dispose: () => database.dispose() };
}

describeAuthRepositoriesContract("Drizzle", drizzleHarness);
describeAuthPurgeContract("Drizzle", drizzleHarness);

describe("Drizzle auth repositories (database specifics)", () => {
  let database: TestDatabase;
  let users: DrizzleUserRepository;
  let memberships: DrizzleMembershipRepository;
  let sessions: DrizzleSessionRepository;
  let tokens: DrizzleOneTimeTokenRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    users = new DrizzleUserRepository(database.client);
    memberships = new DrizzleMembershipRepository(database.client);
    sessions = new DrizzleSessionRepository(database.client);
    tokens = new DrizzleOneTimeTokenRepository(database.client);
  });
  afterAll(() => database.dispose());

  it("a second account with the same email, in any case, is a ConflictError on the lower(email) index", async () => {
    const email = uniqueEmail("conflict");
    await users.save(aUser(email));
    const error = await users.save(aUser(email)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).constraint).toBe("users_email_lower_uq");
    // Even a row that bypassed normalisation cannot take the same mailbox.
    const shouting = aUser(email);
    (shouting.toProps() as { email: string }).email = email.toUpperCase();
    await expect(users.save(shouting)).rejects.toBeInstanceOf(ConflictError);
  });

  it("inside a unit of work the conflict surfaces as ConflictError and rolls the work back", async () => {
    const email = uniqueEmail("conflict-uow");
    await users.save(aUser(email));
    const other = aUser();
    await expect(
      database.uow.transaction(async () => {
        await users.save(other);
        await users.save(aUser(email));
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await users.findById(other.id)).toBeNull();
  });

  it("stores only hashes of tokens: no raw value column exists", async () => {
    const columns = await queryRows<{ column: string }>(
      database.client.db,
      sql`select table_name || '.' || column_name as column from information_schema.columns
          where table_schema = 'auth' and column_name like '%token%' order by 1`,
    );
    expect(columns.map((c) => c.column)).toEqual([
      "one_time_tokens.token_hash",
      "refresh_tokens.token_hash",
      "sessions.refresh_token_hash",
    ]);
  });

  describe("look-ups by email and token hash are index look-ups", () => {
    // With sequential scans disabled the planner still scans if no index serves the predicate.
    async function planOf(query: ReturnType<typeof sql>): Promise<string> {
      return database.uow.transaction(async () => {
        const db = database.client.executor();
        await db.execute(sql`set local enable_seqscan = off`);
        const rows = await queryRows<Record<string, string>>(db, sql`explain ${query}`);
        return rows.map((r) => Object.values(r).join(" ")).join("\n");
      });
    }

    it.each([
      [
        "users by email",
        sql`select id from auth.users where lower(email) = lower('a@example.com')`,
        "users_email_lower_uq",
      ],
      [
        "one-time token by hash",
        sql`select id from auth.one_time_tokens where token_hash = 'x'`,
        "one_time_tokens_token_hash_uq",
      ],
      [
        "refresh token by hash",
        sql`select session_id from auth.refresh_tokens where token_hash = 'x'`,
        "refresh_tokens_pkey",
      ],
    ])("%s", async (_name, query, index) => {
      const plan = await planOf(query);
      expect(plan).toContain(index);
      expect(plan).not.toMatch(/Seq Scan/);
    });
  });

  describe("row locks taken by the look-ups the use cases rely on (PostgreSQL: another connection)", () => {
    // PGlite has a single connection, so a second transaction cannot even start; on PostgreSQL a
    // NOWAIT lock attempt from outside proves the row is locked until the unit of work ends.
    const onServer = () => database.client.kind === "postgres";

    async function expectLockedWhile(lockIt: () => Promise<unknown>, probe: ReturnType<typeof sql>): Promise<void> {
      let release!: () => void;
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      let signal!: () => void;
      const locked = new Promise<void>((resolve) => {
        signal = resolve;
      });
      const work = database.uow.transaction(async () => {
        await lockIt();
        signal();
        await released;
      });
      await locked;
      try {
        const error = await database.client.db.execute(probe).then(
          () => null,
          (e: unknown) => e,
        );
        expect(sqlStateOf(error)).toBe("55P03"); // lock_not_available
      } finally {
        release();
        await work;
      }
      await database.client.db.execute(probe); // free again once committed
    }

    const nowait = (table: string, column: string, id: string) =>
      sql`select id from ${sql.raw(`auth.${table}`)} where ${sql.raw(column)} = ${id} for update nowait`;
    /** Each case stores a row, then names the look-up under test and a NOWAIT probe of that row. */
    const cases: [string, () => Promise<{ lookUp: () => Promise<unknown>; probe: SQL }>][] = [
      [
        "sessions.findByRefreshTokenHash locks the session row",
        async () => {
          const session = aSession(aUser().id);
          await sessions.save(session);
          const lookUp = () => sessions.findByRefreshTokenHash(session.refreshTokenHash);
          return { lookUp, probe: nowait("sessions", "id", session.id) };
        },
      ],
      [
        "sessions.findById locks the session row (no stale save over a concurrent revocation)",
        async () => {
          const session = aSession(aUser().id);
          await sessions.save(session);
          return { lookUp: () => sessions.findById(session.id), probe: nowait("sessions", "id", session.id) };
        },
      ],
      [
        "users.lockById locks the user row (sign-in and password change against a concurrent reset)",
        async () => {
          const user = aUser();
          await users.save(user);
          return { lookUp: () => users.lockById(user.id), probe: nowait("users", "id", user.id) };
        },
      ],
      [
        "oneTimeTokens.findByHash locks the token row",
        async () => {
          const token = aToken("password-reset");
          await tokens.save(token);
          return { lookUp: () => tokens.findByHash(token.tokenHash), probe: nowait("one_time_tokens", "id", token.id) };
        },
      ],
      [
        "memberships.findShared locks the membership (switch-organization against a removal)",
        async () => {
          const membership = aMembership(anOrganization().id, aUser().id, "operator");
          await memberships.save(membership);
          const lookUp = () => memberships.findShared(membership.organizationId, membership.userId);
          return { lookUp, probe: nowait("memberships", "organization_id", membership.organizationId) };
        },
      ],
      [
        "memberships.lockForManagement locks the caller's membership (member management against a demotion)",
        async () => {
          const organization = anOrganization();
          const caller = aMembership(organization.id, aUser().id, "admin");
          await memberships.save(caller);
          const lookUp = () => memberships.lockForManagement(organization.id, [caller.userId]);
          return { lookUp, probe: nowait("memberships", "user_id", caller.userId) };
        },
      ],
      [
        "memberships.countOwners locks the organization's owner rows",
        async () => {
          const organization = anOrganization();
          await memberships.save(aMembership(organization.id, aUser().id, "owner"));
          const lookUp = () => memberships.countOwners(organization.id);
          return { lookUp, probe: nowait("memberships", "organization_id", organization.id) };
        },
      ],
    ];

    it.each(cases)("%s", async (_name, arrange) => {
      if (!onServer()) return expect(database.client.kind).toBe("pglite");
      const { lookUp, probe } = await arrange();
      await expectLockedWhile(lookUp, probe);
    });
  });

  it("invalidateAll skips a token a concurrent use holds locked rather than wait (no deadlock with that reset)", async () => {
    if (database.client.kind !== "postgres") return expect(database.client.kind).toBe("pglite");
    const userId = aUser().id;
    const inUse = aToken("password-reset", { userId, now: at(0) });
    const idle = aToken("password-reset", { userId, now: at(0) });
    await tokens.save(inUse);
    await tokens.save(idle);
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let signal!: () => void;
    const locked = new Promise<void>((resolve) => {
      signal = resolve;
    });
    const concurrentReset = database.uow.transaction(async () => {
      await tokens.findByHash(inUse.tokenHash);
      signal();
      await released;
    });
    await locked;
    try {
      // Another connection: it would block until release if it waited for the locked row.
      expect(await database.uow.transaction(() => tokens.invalidateAll(userId, "password-reset", at(60)))).toBe(1);
    } finally {
      release();
      await concurrentReset;
    }
    expect((await tokens.findByHash(idle.tokenHash))?.usedAt?.toISOString()).toBe(at(60).toISOString());
    expect((await tokens.findByHash(inUse.tokenHash))?.usedAt).toBeNull();
  });

  it("keeps updated_at current through the trigger and created_at as the entity says", async () => {
    const user = aUser();
    await users.save(user);
    user.verifyEmail(user.createdAt.plusMillis(1000));
    await users.save(user);
    const [row] = await queryRows<{ moved: boolean; created: string }>(
      database.client.db,
      sql`select updated_at > created_at as moved, created_at = ${user.createdAt.toISOString()}::timestamptz as created
          from auth.users where id = ${user.id}`,
    );
    expect(row).toEqual({ moved: true, created: true });
  });

  it("a purge leaves no refresh-token row of a deleted session behind", async () => {
    const session = aSession(aUser().id, { now: at(-90 * 24 * 3600) });
    await sessions.save(session);
    const familyRows = () =>
      queryRows(database.client.db, sql`select 1 from auth.refresh_tokens where session_id = ${session.id}`);
    expect(await familyRows()).toHaveLength(1);
    expect(await sessions.purgeEndedBefore(at(-30 * 24 * 3600))).toBe(1);
    expect(await familyRows()).toEqual([]);
  });

  it("a cursor it did not issue is invalid-cursor on every list, never an empty page; year 9999 is the last it reads", async () => {
    const b64 = (text: string) => Buffer.from(text).toString("base64url");
    const id = Uuid.generate();
    const lists: [AuthList, (cursor: string) => Paged<unknown>][] = [
      ["members", (cursor) => memberships.listMembers(anOrganization().id, { limit: 10, cursor })],
      ["my-organizations", (cursor) => memberships.pageOrganizationsOfUser(id, { limit: 10, cursor })],
      ["sessions", (cursor) => sessions.pageActiveByUser(id, at(0), { limit: 10, cursor })],
    ];
    for (const [name, list] of lists) {
      const other = name === "sessions" ? "members" : "sessions";
      const foreign = [
        "not-a-cursor",
        b64("elsewhere"),
        ListCursor.seal(name, `253402300800000.${id}`), // year 10000: PostgreSQL cannot read it back
        ListCursor.seal(name, "1.not-a-uuid"),
        b64(`1.${id}`), // a position without its list
        ListCursor.seal(other, `1.${id}`), // another list's
      ];
      for (const cursor of foreign) expectErr(await list(cursor), "invalid-cursor");
      const last = ListCursor.seal(name, `253402300799999.${id}`);
      expect(expectOk(await list(last))).toEqual({ items: [], nextCursor: null });
    }
  });
});

/** The SQLSTATE along the cause chain (drizzle wraps the driver's error). */
function sqlStateOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; typeof e === "object" && e !== null && depth < 5; depth++) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === "string") return code;
    e = cause;
  }
  return undefined;
}
