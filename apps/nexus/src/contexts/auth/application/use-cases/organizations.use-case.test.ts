import { describe, expect, it } from "vitest";
import { createAuthTestKit } from "../testing/auth-test-kit";
import { CreateOrganizationUseCase } from "./create-organization.use-case";
import { GetMeUseCase } from "./get-me.use-case";
import { ListMyOrganizationsUseCase } from "./list-my-organizations.use-case";
import { RefreshTokensUseCase } from "./refresh-tokens.use-case";
import { SwitchOrganizationUseCase } from "./switch-organization.use-case";

async function signedIn() {
  const kit = createAuthTestKit();
  await kit.registerUser("ana@example.com");
  const tokens = await kit.login("ana@example.com");
  return { kit, tokens, actor: kit.actorOf(tokens) };
}

const FIRST_PAGE = { limit: 50, cursor: null };

describe("CreateOrganizationUseCase", () => {
  it("creates the organization with the caller as owner, audited in its own chain", async () => {
    const { kit, actor } = await signedIn();
    const result = await new CreateOrganizationUseCase(kit.deps).execute({
      actor,
      name: " Padaria Central ",
      currency: "eur",
      timezone: "Europe/Lisbon",
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({
      name: "Padaria Central",
      currency: "EUR",
      timezone: "Europe/Lisbon",
      role: "owner",
    });
    expect(await kit.deps.memberships.countOwners(result.value.id)).toBe(1);
    expect(kit.audit.entries.at(-1)).toMatchObject({
      action: "auth.organization.created",
      organizationId: result.value.id,
      actorId: actor.userId,
    });
  });

  it("reports every invalid field", async () => {
    const { kit, actor } = await signedIn();
    const result = await new CreateOrganizationUseCase(kit.deps).execute({
      actor,
      name: "",
      currency: "EURO",
      timezone: "Mars/Base",
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "validation-failed",
        errors: [{ pointer: "/name" }, { pointer: "/currency" }, { pointer: "/timezone" }],
      },
    });
    expect(kit.store.tables.organizations.size).toBe(0);
  });
});

describe("listing and switching organizations", () => {
  it("lists only my organizations, with my role", async () => {
    const { kit, actor } = await signedIn();
    await kit.createOrganization(actor, "Mine");
    await kit.ownerWithOrganization("other@example.com");
    const result = await new ListMyOrganizationsUseCase(kit.deps).execute({ actor, page: FIRST_PAGE });
    expect(result.ok && result.value.items.map((o) => [o.name, o.role])).toEqual([["Mine", "owner"]]);
  });

  it("me shows the user, organizations and the current one", async () => {
    const { kit, actor } = await signedIn();
    const organization = await kit.createOrganization(actor, "Mine");
    const me = await new GetMeUseCase(kit.deps).execute({ actor: { ...actor, organizationId: organization.id } });
    expect(me).toMatchObject({
      ok: true,
      value: { user: { email: "ana@example.com" }, currentOrganizationId: organization.id, role: "owner" },
    });
  });

  it("switching moves the SAME session to the organization with a new pair", async () => {
    const { kit, tokens, actor } = await signedIn();
    const organization = await kit.createOrganization(actor, "Mine");
    const result = await new SwitchOrganizationUseCase(kit.deps).execute({
      actor,
      organizationId: organization.id,
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(kit.actorOf(result.value)).toEqual({ ...actor, organizationId: organization.id, role: "owner" });
    expect(kit.audit.entries.at(-1)).toMatchObject({
      action: "auth.organization.switched",
      organizationId: organization.id,
    });
    // The refresh token from before the switch has been rotated away.
    const old = await new RefreshTokensUseCase(kit.deps).execute({
      refreshToken: tokens.refreshToken,
    });
    expect(old).toMatchObject({ ok: false, error: { code: "reuse-detected" } });
  });

  it("switching to an organization I am not a member of is not-found", async () => {
    const { kit, actor } = await signedIn();
    const other = await kit.ownerWithOrganization("other@example.com");
    const result = await new SwitchOrganizationUseCase(kit.deps).execute({
      actor,
      organizationId: other.organization.id,
    });
    expect(result).toMatchObject({ ok: false, error: { code: "not-found" } });
  });
});
