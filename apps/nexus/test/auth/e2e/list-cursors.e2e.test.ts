import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { joinByInvitation, readJson } from "./support/auth-client";
import { useAuthE2e } from "./support/use-auth-e2e";

type Item = Record<string, unknown>;
interface List {
  readonly path: string;
  readonly token: string;
  /** The field that tells two items apart. */
  readonly key: string;
}

const base64url = (text: string) => Buffer.from(text).toString("base64url");

describe("auth: every list pages with its own cursors and refuses any other with 422 invalid-cursor", () => {
  const auth = useAuthE2e();

  /** Two items on the list, then: garbage and a well-formed cursor past year 9999 are 422; the issued one pages. */
  async function expectCursorsOf({ path, token, key }: List): Promise<void> {
    const get = (query: string) => auth.client.request(`${path}?${query}`, { token });
    for (const cursor of ["garbage!", base64url(`999999999999999.${randomUUID()}`)]) {
      const refused = await get(`limit=1&cursor=${encodeURIComponent(cursor)}`);
      expect({ cursor, status: refused.status }).toEqual({ cursor, status: 422 });
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
      expect(await readJson(refused)).toMatchObject({
        code: "invalid-cursor",
        status: 422,
        type: "/problems/invalid-cursor",
      });
    }

    const first = await get("limit=1");
    expect(first.status).toBe(200);
    const page1 = await readJson<{ items: Item[]; nextCursor: string | null }>(first);
    expect(page1.items).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await get(`limit=1&cursor=${encodeURIComponent(page1.nextCursor ?? "")}`);
    expect(second.status).toBe(200);
    const page2 = await readJson<{ items: Item[]; nextCursor: string | null }>(second);
    expect(page2.nextCursor).toBeNull();
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]?.[key]).not.toBe(page1.items[0]?.[key]);
  }

  it("GET /auth/sessions", async () => {
    const owner = await auth.client.owner("sessions-pager");
    await auth.client.login(owner.email);
    await expectCursorsOf({ path: "/api/v1/auth/sessions", token: owner.tokens.accessToken, key: "id" });
  });

  it("GET /organizations", async () => {
    const owner = await auth.client.owner("organizations-pager");
    await auth.client.createOrganization(owner.tokens.accessToken, "Second bakery");
    await expectCursorsOf({ path: "/api/v1/organizations", token: owner.tokens.accessToken, key: "id" });
  });

  it("GET /organizations/{id}/members", async () => {
    const owner = await auth.client.owner("members-pager");
    const memberClient = auth.newClient();
    const member = await memberClient.signUp("paged-member");
    await joinByInvitation(
      { client: auth.client, token: owner.tokens.accessToken, organizationId: owner.organizationId },
      { client: memberClient, email: member.email, token: member.tokens.accessToken },
      "analyst",
    );
    const path = `/api/v1/organizations/${owner.organizationId}/members`;
    await expectCursorsOf({ path, token: owner.tokens.accessToken, key: "userId" });
  });
});
