import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { type AuthClient, readJson, type Tokens } from "../../auth/e2e/support/auth-client";

/** A signed-in member acting in an organization, and the requests the tax tests make. */
export class TaxApi {
  constructor(
    readonly client: AuthClient,
    readonly tokens: Tokens,
    readonly organizationId: string,
    /** Creates a product in production (its use case); see production-products.ts. */
    private readonly createProduct: (organizationId: string, name: string, unit?: string) => Promise<string>,
  ) {}

  request(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}) {
    return this.client.request(`/api/v1${path}`, { ...init, token: this.tokens.accessToken });
  }

  async ok<T = Record<string, unknown>>(
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
    status = 200,
  ): Promise<T> {
    const response = await this.request(path, init);
    const body = await response.text();
    expect(response.status, body).toBe(status);
    return JSON.parse(body) as T;
  }

  async problem(
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> },
    status: number,
  ) {
    const response = await this.request(path, init);
    expect(response.status, await response.clone().text()).toBe(status);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    return (await readJson(response)).code;
  }

  /** The fiscal identity, VAT 23 % and a reduced 6 % from 2020 on. */
  async configure(): Promise<void> {
    await this.ok("/tax/settings", {
      method: "PUT",
      json: {
        legalName: "Padaria Lima Lda",
        taxId: "PT501234567",
        address: { line1: "Rua Augusta 10", city: "Lisboa", postalCode: "1100-053", countryCode: "PT" },
      },
    });
    for (const [code, bp] of [
      ["VAT", 2300],
      ["RED", 600],
    ] as const) {
      await this.ok("/tax/rates", { json: { code, name: code, rateBasisPoints: bp, validFrom: "2020-01-01" } }, 201);
    }
  }

  /** A production product, classified with `taxCodes` through the API. */
  async product(name: string, taxCodes: string[] | null, unit = "unit"): Promise<string> {
    const id = await this.createProduct(this.organizationId, name, unit);
    if (taxCodes) await this.ok(`/tax/classifications/${id}`, { method: "PUT", json: { taxCodes } });
    return id;
  }

  issue(json: unknown, key: string | null = randomUUID()) {
    return this.request("/tax/invoices", { json, headers: key === null ? {} : { "Idempotency-Key": key } });
  }
}
