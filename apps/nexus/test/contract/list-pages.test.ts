import { beforeAll, describe, expect, it } from "vitest";
import { type AuthClient, readJson } from "../auth/e2e/support/auth-client";
import { useAuthE2e } from "../auth/e2e/support/use-auth-e2e";

interface Parameter {
  name: string;
  in: string;
  schema?: { default?: unknown; maximum?: number; minimum?: number };
}
interface Schema {
  $ref?: string;
  properties?: Record<string, unknown>;
}
interface Operation {
  parameters?: Parameter[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Does the operation answer a page (`{ items, nextCursor }`, spec §3)? */
function answersPage(doc: OpenApiDocument, operation: Operation): boolean {
  let schema = operation.responses?.["200"]?.content?.["application/json"]?.schema;
  if (schema?.$ref) schema = doc.components?.schemas?.[schema.$ref.replace("#/components/schemas/", "")];
  return Boolean(schema?.properties?.items && schema.properties.nextCursor);
}

// Spec §3: every list takes `?limit=` (default 50, max 200) and refuses a cursor it did not issue (ADR
// 0008). Walks /openapi.json, so lists that other contexts add are held to it the day they appear.
describe("every paged list's page size and cursor", () => {
  const auth = useAuthE2e({ API_RATE_LIMIT_PER_MINUTE: "0" });
  let client: AuthClient;
  let owner: Awaited<ReturnType<AuthClient["owner"]>>;
  let lists: { path: string; limit: Parameter }[];
  let pages: { path: string; query: string[]; documented: boolean }[];

  beforeAll(async () => {
    client = auth.newClient();
    owner = await client.owner("pages");
    const doc = (await (await auth.app.request("/openapi.json")).json()) as OpenApiDocument;
    pages = Object.entries(doc.paths).flatMap(([path, item]) =>
      item.get && answersPage(doc, item.get)
        ? [
            {
              path,
              query: (item.get.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
              documented: (item.get.responses?.["422"]?.description ?? "").includes("`invalid-cursor`"),
            },
          ]
        : [],
    );
    lists = Object.entries(doc.paths).flatMap(([path, item]) => {
      const query = item.get?.parameters?.filter((p) => p.in === "query") ?? [];
      const limit = query.find((p) => p.name === "limit");
      // A paged list has a cursor too; a `limit` alone is a top-N (e.g. a ranking), not a page.
      return limit && query.some((p) => p.name === "cursor") ? [{ path, limit }] : [];
    });
  });

  const url = (path: string, query: string) =>
    `${path.replace("{id}", owner.organizationId).replace("{userId}", owner.userId)}?${query}`;
  const limitErrors = async (response: Response) =>
    response.status === 422 ? ((await readJson(response)).errors ?? []).filter((e) => e.pointer === "/limit") : [];

  it("every operation that answers a page takes ?limit= and ?cursor= (sessions, organizations and invitations included)", () => {
    expect(pages.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        "/api/v1/auth/sessions",
        "/api/v1/organizations",
        "/api/v1/audit",
        "/api/v1/invitations",
        "/api/v1/organizations/{id}/invitations",
      ]),
    );
    const unpaged = pages.filter(({ query }) => !query.includes("limit") || !query.includes("cursor"));
    expect(unpaged.map((p) => p.path)).toEqual([]);
  });

  it("documents default 50, minimum 1 and maximum 200", () => {
    expect(lists.map((l) => l.path)).toEqual(
      expect.arrayContaining([
        "/api/v1/audit",
        "/api/v1/organizations/{id}/members",
        "/api/v1/invitations",
        "/api/v1/organizations/{id}/invitations",
      ]),
    );
    for (const { path, limit } of lists) {
      expect({ path, ...limit.schema }).toMatchObject({ path, default: 50, minimum: 1, maximum: 200 });
    }
  });

  it("refuses limit 0 and 201 with a 422 on limit, and accepts 200", async () => {
    for (const { path } of lists) {
      for (const [limit, refused] of [
        ["0", true],
        ["201", true],
        ["200", false],
      ] as const) {
        const response = await client.request(url(path, `limit=${limit}`), { token: owner.tokens.accessToken });
        expect({ path, limit, refused: (await limitErrors(response)).length > 0 }).toEqual({ path, limit, refused });
      }
    }
  });

  it("refuses a cursor it did not issue with 422 invalid-cursor, and documents it", async () => {
    // A list under a product needs one that exists: an unknown product answers 404 before any cursor is read.
    const created = await client.request("/api/v1/production/products", {
      token: owner.tokens.accessToken,
      json: { name: "Croissant", sku: "CRO-CURSOR", unit: "unit" },
    });
    expect(created.status).toBe(201);
    const productId = (await readJson<{ id: string }>(created)).id;
    const pathOf = (path: string) =>
      path.startsWith("/api/v1/production/products/{id}/") ? path.replace("{id}", productId) : path;
    // Garbage, and a well-formed time.id cursor past year 9999.
    const foreign = ["garbage!", Buffer.from(`999999999999999.${owner.userId}`).toString("base64url")];
    for (const { path, documented } of pages) {
      expect({ path, documented }).toEqual({ path, documented: true });
      for (const cursor of foreign) {
        const response = await client.request(url(pathOf(path), `cursor=${encodeURIComponent(cursor)}`), {
          token: owner.tokens.accessToken,
        });
        const code = response.status === 422 ? (await readJson(response)).code : response.status;
        expect({ path, cursor, code }).toEqual({ path, cursor, code: "invalid-cursor" });
      }
    }
  });

  it("refuses a cursor that another list issued, even one of the same shape", async () => {
    const token = owner.tokens.accessToken;
    await client.login(owner.email); // a second session, so the sessions list has a next page
    for (const name of ["Flour", "Butter"]) {
      const made = await client.request("/api/v1/production/ingredients", { token, json: { name, unit: "kg" } });
      expect(made.status).toBe(201);
    }
    const product = await client.request("/api/v1/production/products", {
      token,
      json: { name: "Brioche", sku: "BRI-CURSOR", unit: "unit" },
    });
    const productId = (await readJson<{ id: string }>(product)).id;
    const pathOf = (path: string) => url(path.replace("/products/{id}/", `/products/${productId}/`), "");
    const issued = new Map<string, string>();
    for (const path of ["/api/v1/auth/sessions", "/api/v1/production/ingredients", "/api/v1/audit"]) {
      const page = await readJson<{ nextCursor: string | null }>(
        await client.request(`${pathOf(path)}limit=1`, { token }),
      );
      expect({ path, hasNext: page.nextCursor !== null }).toEqual({ path, hasNext: true });
      issued.set(path, page.nextCursor ?? "");
    }
    for (const { path } of pages) {
      for (const [issuer, cursor] of issued) {
        if (issuer === path) continue;
        const response = await client.request(`${pathOf(path)}cursor=${encodeURIComponent(cursor)}`, { token });
        const code = response.status === 422 ? (await readJson(response)).code : response.status;
        expect({ path, issuer, code }).toEqual({ path, issuer, code: "invalid-cursor" });
      }
    }
  });

  it("answers 50 items when no limit is given (the audit trail, with more than 50 entries)", async () => {
    // Each switch into the organization is one entry of its audit trail.
    for (let i = 0; i < 52; i++) await client.switchOrganization(owner.tokens.accessToken, owner.organizationId);
    const page = await readJson<{ items: unknown[]; nextCursor: string | null }>(
      await client.request("/api/v1/audit", { token: owner.tokens.accessToken }),
    );
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).not.toBeNull();
  });

  it("walks the caller's sessions and organizations a page at a time, each once, in order", async () => {
    // signUp is one session, two more logins make three; three organizations.
    const user = await client.signUp("pager");
    await client.login(user.email);
    await client.login(user.email);
    for (const name of ["First", "Second", "Third"]) await client.createOrganization(user.tokens.accessToken, name);
    const walk = async (path: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `limit=2&cursor=${encodeURIComponent(cursor)}` : "limit=2";
        const page = await readJson<{ items: { id: string }[]; nextCursor: string | null }>(
          await client.request(`${path}?${query}`, { token: user.tokens.accessToken }),
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const all = async (path: string) =>
      (
        await readJson<{ items: { id: string }[] }>(
          await client.request(`${path}?limit=200`, { token: user.tokens.accessToken }),
        )
      ).items.map((i) => i.id);

    const sessions = await walk("/api/v1/auth/sessions");
    expect(sessions).toHaveLength(3);
    expect(sessions).toEqual(await all("/api/v1/auth/sessions"));
    const organizations = await walk("/api/v1/organizations");
    expect(organizations).toHaveLength(3);
    expect(organizations).toEqual(await all("/api/v1/organizations"));
  });
});
