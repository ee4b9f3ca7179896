import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { listAuditEntries } from "@/shared/infrastructure/audit/audit-query";
import { queryRows } from "@/shared/infrastructure/database/database-client";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { type AuthClient, joinByInvitation, readJson } from "../auth/e2e/support/auth-client";
import { useAuthE2e } from "../auth/e2e/support/use-auth-e2e";
import { waitUntil } from "../support/wait";
import {
  BREAD,
  CAKE,
  creditNoteIssued,
  goodsShipped,
  inOrganization,
  invoiceIssued,
} from "./support/bi-events.fixtures";
import { publishAs } from "./support/bi-projection-harness";

describe("bi HTTP API", () => {
  // Only this file's drain() delivers, so every assertion sees a settled projection.
  const e2e = useAuthE2e({ RELAY_ENABLED: "false" });
  let client: AuthClient;
  let owner: Awaited<ReturnType<AuthClient["owner"]>>;
  let analystToken: string;

  const get = (path: string, token = owner.tokens.accessToken, headers: Record<string, string> = {}) =>
    client.request(`/api/v1/bi${path}`, { token, headers });

  beforeAll(async () => {
    client = e2e.newClient();
    owner = await client.owner("bi-owner");
    const analyst = await client.signUp("bi-analyst");
    analystToken = (
      await joinByInvitation(
        { client, token: owner.tokens.accessToken, organizationId: owner.organizationId },
        { client, email: analyst.email, token: analyst.tokens.accessToken },
        "analyst",
      )
    ).accessToken;

    const bus = e2e.app.app.container.resolve(PlatformTokens.EventBus);
    const org = owner.organizationId;
    const first = invoiceIssued("2026-03-02", [
      { productId: BREAD, quantity: "4", unitPrice: 250, net: 1000, tax: 230 },
      { productId: CAKE, quantity: "1", unitPrice: 1800, net: 1800, tax: 414 },
    ]);
    // auth itself published auth.organization.created.v1 (Europe/Lisbon, EUR) when the owner created it.
    for (const event of [
      first,
      goodsShipped(first, [
        { productId: BREAD, quantity: "4", cost: 320 },
        { productId: CAKE, quantity: "1", cost: 700 },
      ]),
      creditNoteIssued(first, "2026-03-20", [{ productId: BREAD, quantity: "1", unitPrice: 250, net: 250, tax: 58 }]),
    ]) {
      await publishAs(bus, inOrganization(org, event));
    }
    await bus.relay.drain();
    // With SQS the relay only enqueued them: wait until the consumer has applied all four.
    const database = e2e.app.app.container.resolve(PlatformTokens.Database);
    await waitUntil(
      async () => {
        const [row] = await queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from bi.applied_events where organization_id = ${org}`,
        );
        return row?.n === 4;
      },
      20_000,
      "the four events applied",
    );
  });

  it("answers KPIs to analysts, with money in minor units and quantities as strings", async () => {
    const response = await get("/kpis?from=2026-03-01&to=2026-03-31", analystToken);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      from: "2026-03-01",
      to: "2026-03-31",
      currency: "EUR",
      timezone: "Europe/Lisbon",
      revenueNet: 2550,
      taxTotal: 586,
      revenueGross: 3136,
      invoiceCount: 1,
      averageTicket: 3136,
      unitsSold: "4",
      costOfGoodsSold: 1020,
      grossMargin: 1530,
      grossMarginPct: "60",
    });
  });

  it("zero-fills a weekly series in the organization's calendar", async () => {
    const response = await get("/timeseries?metric=revenueNet&granularity=week&from=2026-03-01&to=2026-03-22");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { points: { bucket: string; value: number }[] };
    expect(body.points).toEqual([
      { bucket: "2026-02-23", value: 0 },
      { bucket: "2026-03-02", value: 2800 },
      { bucket: "2026-03-09", value: 0 },
      { bucket: "2026-03-16", value: -250 },
    ]);
  });

  it("ranks products and exports the ranking as an audited CSV", async () => {
    const json = await get("/products/ranking?by=revenue&from=2026-03-01&to=2026-03-31&limit=5");
    const ranking = (await json.json()) as { items: { productId: string; rank: number; name: string }[] };
    expect(ranking.items.map((i) => [i.rank, i.productId, i.name])).toEqual([
      [1, CAKE, "Cake"],
      [2, BREAD, "Bread"],
    ]);

    const csv = await get("/products/ranking?by=revenue&from=2026-03-01&to=2026-03-31", undefined, {
      accept: "text/csv",
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("rank,productId,name,sku,unit,revenueNet,unitsSold,costOfGoodsSold,grossMargin");
    expect(lines[1]).toBe(`1,${CAKE},Cake,CAK,unit,1800,1,700,1100`);

    const series = await get(
      "/timeseries?metric=unitsSold&granularity=month&from=2026-03-01&to=2026-04-30",
      undefined,
      {
        accept: "text/csv",
      },
    );
    expect(await series.text()).toBe("bucket,unitsSold\r\n2026-03-01,4\r\n2026-04-01,0\r\n");

    const audit = await listAuditEntries(e2e.app.app.container.resolve(PlatformTokens.Database), {
      organizationId: owner.organizationId as Uuid,
      limit: 50,
    });
    expect(audit.ok && audit.value.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(["bi.ranking.exported", "bi.timeseries.exported"]),
    );
  });

  it("reports freshness", async () => {
    const body = (await (await get("/freshness", analystToken)).json()) as Record<string, unknown>;
    expect(body.lastAppliedAt).toEqual(expect.any(String));
    expect(body.lagMs).toEqual(expect.any(Number));
  });

  it("streams a `changed` event when new events are applied", async () => {
    const response = await get("/updates", analystToken, { accept: "text/event-stream" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = (response.body as ReadableStream<Uint8Array>).pipeThrough(new TextDecoderStream()).getReader();
    let received = "";
    const next = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}`);
        received += value;
      }
    };
    await next(/event: ready/);
    const bus = e2e.app.app.container.resolve(PlatformTokens.EventBus);
    await publishAs(
      bus,
      inOrganization(
        owner.organizationId,
        invoiceIssued("2026-03-25", [{ productId: BREAD, quantity: "1", unitPrice: 250, net: 250, tax: 58 }]),
      ),
    );
    await bus.relay.drain();
    await next(/event: changed/);
    await reader.cancel();
  });

  it("answers bad periods with problem+json, never a 500", async () => {
    for (const query of [
      "from=2026-03-31&to=2026-03-01",
      "from=2026-02-30&to=2026-03-01",
      "from=2000-01-01&to=2026-01-01",
    ]) {
      const response = await get(`/kpis?${query}`);
      expect(response.status, query).toBe(422);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect((await readJson(response)).code).toMatch(/invalid-period|period-too-long/);
    }
    const bad = await get("/timeseries?metric=nope");
    expect(bad.status).toBe(422);
    expect((await readJson(bad)).code).toBe("validation-failed");
    expect((await get("/kpis", "")).status).toBe(401);
  });

  it("rebuilds for admins only, to the same figures", async () => {
    const refused = await client.request("/api/v1/bi/projections/rebuild", { method: "POST", token: analystToken });
    expect(refused.status).toBe(403);
    const before = await (await get("/kpis?from=2026-03-01&to=2026-03-31")).json();
    const rebuilt = await client.request("/api/v1/bi/projections/rebuild", {
      method: "POST",
      token: owner.tokens.accessToken,
    });
    expect(rebuilt.status).toBe(200);
    expect(await rebuilt.json()).toMatchObject({ organizationId: owner.organizationId, eventsApplied: 5 });
    expect(await (await get("/kpis?from=2026-03-01&to=2026-03-31")).json()).toEqual(before);
  });
});
