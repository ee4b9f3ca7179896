import { expect } from "vitest";
import { type AuthClient, joinByInvitation } from "../../auth/e2e/support/auth-client";

/**
 * The day `days` from today in Europe/Lisbon — the time zone AuthClient gives the organizations it
 * creates, in which production counts expiry and production days — as the API's dates: YYYY-MM-DD.
 */
export const dayFromToday = (days: number): string => {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Lisbon" }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
};

/** One signed-in member acting in an organization, talking to the production API. */
export class ProductionActor {
  constructor(
    readonly client: AuthClient,
    readonly token: string,
    readonly organizationId: string,
  ) {}

  request(path: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}) {
    return this.client.request(`/api/v1/production${path}`, { ...init, token: this.token });
  }

  /** Sends and expects `status`; returns the parsed body. */
  async expect<T = Record<string, unknown>>(
    status: number,
    path: string,
    init: { method?: string; json?: unknown; headers?: Record<string, string> } = {},
  ): Promise<T> {
    const response = await this.request(path, init);
    const text = await response.text();
    expect(response.status, `${init.method ?? (init.json ? "POST" : "GET")} ${path}: ${text}`).toBe(status);
    return (text ? JSON.parse(text) : null) as T;
  }
}

/** An owner of a fresh organization, and members of it with other roles. */
export async function organizationWithOwner(newClient: () => AuthClient): Promise<ProductionActor> {
  const client = newClient();
  const owner = await client.owner("owner");
  return new ProductionActor(client, owner.tokens.accessToken, owner.organizationId);
}

export async function memberOf(
  owner: ProductionActor,
  newClient: () => AuthClient,
  role: string,
): Promise<ProductionActor> {
  const client = newClient();
  const { email, tokens } = await client.signUp(role);
  const switched = await joinByInvitation(
    { client: owner.client, token: owner.token, organizationId: owner.organizationId },
    { client, email, token: tokens.accessToken },
    role,
  );
  return new ProductionActor(client, switched.accessToken, owner.organizationId);
}
