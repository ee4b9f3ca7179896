import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Currency } from "@/contexts/auth/domain/currency.value-object";
import { Organization } from "@/contexts/auth/domain/organization.entity";
import { OrganizationName } from "@/contexts/auth/domain/organization-name.value-object";
import { Timezone } from "@/contexts/auth/domain/timezone.value-object";
import { RepositoryOrganizationDirectory } from "@/contexts/auth/infrastructure/adapters/repository.organization-directory";
import { DrizzleOrganizationRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-organization.repository";
import { DirectoryOrganizationCalendar } from "@/contexts/production/infrastructure/adapters/directory.organization-calendar";
import { unwrap } from "@/shared/domain/result";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { bakery, createProductionKit, type ProductionKit, produce, receive } from "./production-kit";

/**
 * Expiry, FEFO, product-lot dates and day filters count in the organization's time zone, read from
 * auth's OrganizationDirectory (the real one, on the same database). The boundary instant
 * 2026-12-02T11:00:00Z is midnight starting 3 December in Auckland (NZDT, UTC+13) and still midday of
 * 2 December in UTC: a lot expiring on 2 December is expired in one organization and not in the other.
 */
const BOUNDARY = Date.UTC(2026, 11, 2, 11);
const at = (epochMs: number) => Timestamp.fromMillis(epochMs);

describe("production days in the organization's time zone", () => {
  let kit: ProductionKit;
  let auckland: Uuid;
  let utc: Uuid;
  const bakeries = new Map<Uuid, Awaited<ReturnType<typeof bakery>>>();

  beforeAll(async () => {
    kit = await createProductionKit({
      calendar: (client) =>
        new DirectoryOrganizationCalendar(
          new RepositoryOrganizationDirectory(new DrizzleOrganizationRepository(client)),
        ),
    });
    const organizations = new DrizzleOrganizationRepository(kit.database.client);
    const organization = async (zone: string) => {
      const created = Organization.create({
        name: unwrap(OrganizationName.parse(`Bakery ${zone}`)),
        currency: unwrap(Currency.parse("NZD")),
        timezone: unwrap(Timezone.parse(zone)),
        now: at(BOUNDARY - 86_400_000),
      });
      await organizations.save(created);
      return created.id;
    };
    auckland = await organization("Pacific/Auckland");
    utc = await organization("UTC");
    for (const organizationId of [auckland, utc]) bakeries.set(organizationId, await bakery(kit, organizationId));
  });
  const bakeryOf = (organizationId: Uuid) => {
    const found = bakeries.get(organizationId);
    if (!found) throw new Error("no bakery");
    return found;
  };
  afterAll(() => kit?.dispose());

  it("a lot expiring on 2 December is expired from 11:00 UTC in Auckland, and still used in UTC", async () => {
    const lots = new Map<Uuid, Uuid>();
    for (const organizationId of [auckland, utc]) {
      const { flour, butter } = bakeryOf(organizationId);
      kit.clock.current = at(BOUNDARY - 3_600_000);
      lots.set(organizationId, await receive(kit, flour, "1", 100, "2026-12-02", organizationId));
      await receive(kit, butter, "1", 400, "2026-12-31", organizationId);
    }
    const statusOf = async (organizationId: Uuid) =>
      unwrap(await kit.queries.getLot(organizationId, lots.get(organizationId) as Uuid)).status;

    kit.clock.current = at(BOUNDARY - 1);
    expect(await statusOf(auckland)).toBe("available");
    kit.clock.current = at(BOUNDARY);
    expect(await statusOf(auckland)).toBe("expired");
    expect(await statusOf(utc)).toBe("available");
    const expired = unwrap(await kit.queries.listLots(auckland, { status: "expired" }, { limit: 50, cursor: null }));
    expect(expired.items.map((l) => l.id)).toEqual([lots.get(auckland)]);

    const refused = (await produce(kit, bakeryOf(auckland).croissant, "12", auckland)).completion;
    // Only the flour is short: the butter lot (31 December) is fine in both.
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "insufficient-stock", shortages: [{ required: "1", available: "0", name: "Flour T65" }] },
    });
    if (!refused.ok && "shortages" in refused.error) expect(refused.error.shortages).toHaveLength(1);
    expect((await produce(kit, bakeryOf(utc).croissant, "12", utc)).completion).toMatchObject({ ok: true });
  });

  it("dates a product lot made just after midnight in Auckland by the Auckland day", async () => {
    kit.clock.current = at(BOUNDARY);
    const { flour, croissant } = bakeryOf(auckland);
    // The flour of the first test expired at this instant there: FEFO takes this lot instead.
    await receive(kit, flour, "1", 100, "2026-12-31", auckland);
    const order = unwrap((await produce(kit, croissant, "12", auckland)).completion);
    const lot = unwrap(await kit.queries.getLot(auckland, order.productLotId as Uuid));
    // Made on 3 December there, shelf life 2 days (in UTC it would say 2 December and the 4th).
    expect(lot.expiresOn).toBe("2026-12-05");
    expect(lot.code.startsWith("P20261203-")).toBe(true);
  });

  it("reads ?from and ?to dates as the organization's midnight", async () => {
    const salt = unwrap(await kit.ingredients.create(auckland, { name: "Salt", unit: "kg", allergens: [] })).id as Uuid;
    kit.clock.current = at(BOUNDARY - 1);
    const before = await receive(kit, salt, "1", 100, null, auckland);
    kit.clock.current = at(BOUNDARY);
    const after = await receive(kit, salt, "2", 100, null, auckland);
    const lotsOf = async (query: { from?: string; to?: string }) =>
      unwrap(await kit.queries.movements(auckland, { itemId: salt, ...query }, { limit: 50, cursor: null })).items.map(
        (m) => m.lotId,
      );
    expect(await lotsOf({ from: "2026-12-03" })).toEqual([after]);
    expect(await lotsOf({ to: "2026-12-03" })).toEqual([before]);
  });
});
