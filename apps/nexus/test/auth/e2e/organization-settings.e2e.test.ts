import { describe, expect, it } from "vitest";
import { PlatformTokens as T } from "@/shared/infrastructure/platform.tokens";
import { expectPublished } from "../../support/expectations";
import { joinByInvitation, readJson } from "./support/auth-client";
import { useAuthE2e } from "./support/use-auth-e2e";

describe("auth: organization settings, their events and the OrganizationDirectory", () => {
  const auth = useAuthE2e();
  const database = () => auth.app.app.container.resolve(T.Database);
  const patch = (organizationId: string, token: string, json: unknown) =>
    auth.client.request(`/api/v1/organizations/${organizationId}`, { method: "PATCH", token, json });

  it("publishes auth.organization.created.v1 with the contract's payload, in the creating transaction", async () => {
    const owner = await auth.client.owner("creator");
    const [event] = await expectPublished(database(), "auth.organization.created.v1", {
      aggregateId: owner.organizationId,
      count: 1,
    });
    expect(event).toMatchObject({
      organizationId: owner.organizationId,
      payload: {
        organizationId: owner.organizationId,
        name: "Padaria Lima",
        currency: "EUR",
        timezone: "Europe/Lisbon",
      },
    });
  });

  it("PATCH renames and moves the timezone (owner only), publishes auth.organization.updated.v1 once per change", async () => {
    const owner = await auth.client.owner("settings");
    const changed = await patch(owner.organizationId, owner.tokens.accessToken, {
      name: "Padaria Lima e Filhos",
      timezone: "Atlantic/Madeira",
    });
    expect(changed.status).toBe(200);
    expect(await readJson(changed)).toMatchObject({
      id: owner.organizationId,
      name: "Padaria Lima e Filhos",
      timezone: "Atlantic/Madeira",
      currency: "EUR",
      role: "owner",
    });
    // The same values again change nothing and publish nothing.
    const same = await patch(owner.organizationId, owner.tokens.accessToken, { timezone: "Atlantic/Madeira" });
    expect(same.status).toBe(200);
    const [event] = await expectPublished(database(), "auth.organization.updated.v1", {
      aggregateId: owner.organizationId,
      count: 1,
    });
    expect(event?.payload).toEqual({
      organizationId: owner.organizationId,
      name: "Padaria Lima e Filhos",
      currency: "EUR",
      timezone: "Atlantic/Madeira",
    });

    const directory = auth.app.app.contexts.auth.services.organizationDirectory;
    expect(await directory.find(owner.organizationId)).toEqual({
      organizationId: owner.organizationId,
      name: "Padaria Lima e Filhos",
      currency: "EUR",
      timezone: "Atlantic/Madeira",
    });
    expect(await directory.find("not-an-id")).toBeNull();
  });

  it("refuses a currency change (422), a bad timezone (422 with its pointer), a non-owner (403), a stranger (404)", async () => {
    const owner = await auth.client.owner("strict");
    const currency = await patch(owner.organizationId, owner.tokens.accessToken, { currency: "USD" });
    expect(currency.status).toBe(422);
    expect((await readJson(currency)).code).toBe("validation-failed");
    const zone = await patch(owner.organizationId, owner.tokens.accessToken, { timezone: "Mars/Olympus" });
    expect(zone.status).toBe(422);
    expect((await readJson(zone)).errors).toEqual([expect.objectContaining({ pointer: "/timezone" })]);

    const admin = await auth.client.signUp("admin");
    const asAdminTokens = await joinByInvitation(
      { client: auth.client, token: owner.tokens.accessToken, organizationId: owner.organizationId },
      { client: auth.client, email: admin.email, token: admin.tokens.accessToken },
      "admin",
    );
    const asAdmin = await patch(owner.organizationId, asAdminTokens.accessToken, { name: "Hijacked" });
    expect(asAdmin.status).toBe(403);
    const stranger = await auth.client.signUp("stranger");
    const asStranger = await patch(owner.organizationId, stranger.tokens.accessToken, { name: "Hijacked" });
    expect(asStranger.status).toBe(404);
    await expectPublished(database(), "auth.organization.created.v1", { aggregateId: owner.organizationId, count: 1 });
    await expectPublished(database(), "auth.organization.updated.v1", { aggregateId: owner.organizationId, count: 0 });
  });
});
