import { describe, expect, it } from "vitest";
import { useAuthE2e } from "../../auth/e2e/support/use-auth-e2e";
import { ProductionActor } from "./production-client";

type Json = Record<string, unknown> & { id: string };

/**
 * The composition root hands production auth's OrganizationDirectory: expiry follows each
 * organization's time zone. Kiritimati (UTC+14) is 25 hours ahead of Pago Pago (UTC−11), so at any
 * instant its day is later: a lot expiring on Pago Pago's today is still usable there and already
 * expired in Kiritimati. (The boundary instants themselves are tested on the use cases with a clock.)
 */
describe("production: expiry in the organization's time zone, through the API", () => {
  const e2e = useAuthE2e();

  const operatorIn = async (timezone: string): Promise<ProductionActor> => {
    const client = e2e.newClient();
    const { tokens } = await client.signUp("zone");
    const created = await client.request("/api/v1/organizations", {
      token: tokens.accessToken,
      json: { name: `Bakery ${timezone}`, currency: "EUR", timezone },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const switched = await client.switchOrganization(tokens.accessToken, id);
    return new ProductionActor(client, switched.accessToken, id);
  };
  const dayInPagoPago = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Pago_Pago" }).format(new Date());

  it("a lot expiring on Pago Pago's today is available there and expired in Kiritimati", async () => {
    const actors = [await operatorIn("Pacific/Kiritimati"), await operatorIn("Pacific/Pago_Pago")];
    const flours = await Promise.all(
      actors.map((a) => a.expect<Json>(201, "/ingredients", { json: { name: "Flour", unit: "kg" } })),
    );
    // Pago Pago's midnight (11:00 UTC) may pass during a check: then it is repeated on the new day.
    for (let attempt = 1; ; attempt++) {
      const day = dayInPagoPago();
      const statuses = await Promise.all(
        actors.map(async (actor, i) => {
          const { lot } = await actor.expect<{ lot: Json }>(201, "/stock/receipts", {
            json: { ingredientId: flours[i]?.id, quantity: "1", totalCost: 100, lotCode: `L-${day}`, expiresOn: day },
          });
          return (await actor.expect<Json>(200, `/lots/${lot.id}`)).status;
        }),
      );
      if (dayInPagoPago() !== day && attempt < 2) continue;
      expect(statuses).toEqual(["expired", "available"]);
      break;
    }
  });
});
