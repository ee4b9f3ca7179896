import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { waitUntil } from "../../../support/wait";

/** Any way to send a request to Nexus: the in-process app (`TestApp.request`) or `fetch` to a real server. */
export type Send = (
  path: string,
  init?: { method?: string; json?: unknown; headers?: Record<string, string> },
) => Promise<Response>;

export const fetchSender =
  (baseUrl: string): Send =>
  (path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.json !== undefined) headers["content-type"] ??= "application/json";
    return fetch(`${baseUrl}${path}`, {
      method: init.method ?? (init.json === undefined ? "GET" : "POST"),
      headers,
      ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    });
  };

export const PASSWORD = "Sourdough-starter-at-4am";

export interface Tokens {
  readonly accessToken: string;
  readonly refreshToken: string;
}

export interface LoginBody extends Tokens {
  readonly tokenType: string;
  readonly expiresIn: number;
  readonly user: { id: string; email: string; name: string; emailVerified: boolean };
  readonly organizations: { id: string; name: string; role: string }[];
  readonly organizationId: string | null;
}

/** A unique address per test, so tests sharing a database never collide. */
export const uniqueEmail = (who: string): string => `${who}-${randomBytes(4).toString("hex")}@example.com`;

/**
 * One simulated client of the API. Each gets its own X-Forwarded-For address (the test apps trust
 * one proxy hop), so per-IP rate limits of one test do not spill into another.
 */
export class AuthClient {
  readonly ip: string;

  constructor(
    private readonly send: Send,
    ip?: string,
    /** Runs before each look into the mailbox: an app without a running relay drains it here. */
    private readonly deliverMail: () => Promise<unknown> = async () => {},
  ) {
    this.ip = ip ?? `10.${randomBytes(3).join(".")}`;
  }

  request(
    path: string,
    init: { method?: string; json?: unknown; token?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { "x-forwarded-for": this.ip, "user-agent": "nexus-e2e", ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    return this.send(path, { ...(init.method ? { method: init.method } : {}), json: init.json, headers });
  }

  /**
   * The newest mail to `to` whose subject matches, from the dev mailbox. Mail is queued in the outbox
   * and delivered by the relay, so it is polled for (until `timeoutMs`). `after` skips mails already
   * seen: mails whose text contains one of `excluding` (say, a token read before) are skipped.
   */
  async mail(
    to: string,
    subject: RegExp,
    options: { timeoutMs?: number; excluding?: readonly string[] } = {},
  ): Promise<{ subject: string; text: string }> {
    let found: { subject: string; text: string } | undefined;
    let seen: string[] = [];
    await waitUntil(
      async () => {
        await this.deliverMail();
        const response = await this.send(`/dev/mailbox?to=${encodeURIComponent(to)}`);
        expect(response.status).toBe(200);
        const { items } = (await response.json()) as { items: { subject: string; text: string }[] };
        seen = items.map((m) => m.subject);
        found = items.find(
          (m) => subject.test(m.subject) && !(options.excluding ?? []).some((part) => m.text.includes(part)),
        );
        return found !== undefined;
      },
      options.timeoutMs ?? 10_000,
      `a mail to ${to} matching ${subject}`,
    ).catch(() => {
      throw new Error(`no mail to ${to} matching ${subject}; got ${seen.join(" | ")}`);
    });
    return found as { subject: string; text: string };
  }

  /** The raw token a mail carries (the line after "Your token is:"), skipping mails with tokens in `excluding`. */
  async mailedToken(to: string, subject: RegExp, excluding: readonly string[] = []): Promise<string> {
    const { text } = await this.mail(to, subject, { excluding });
    const token = /Your token is:\s*\n(\S+)/.exec(text)?.[1];
    if (!token) throw new Error(`no token in mail to ${to}:\n${text}`);
    return token;
  }

  async register(email: string, name = "Test User", password = PASSWORD): Promise<void> {
    const response = await this.request("/api/v1/auth/register", { json: { email, password, name } });
    expect(response.status, await response.clone().text()).toBe(202);
  }

  async verify(email: string): Promise<void> {
    const token = await this.mailedToken(email, /verify/i);
    const response = await this.request("/api/v1/auth/email/verify", { json: { token } });
    expect(response.status, await response.clone().text()).toBe(204);
  }

  async login(email: string, options: { organizationId?: string; password?: string } = {}): Promise<LoginBody> {
    const response = await this.request("/api/v1/auth/login", {
      json: { email, password: options.password ?? PASSWORD, ...options },
    });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    return body as LoginBody;
  }

  /** Registered, verified, signed in. */
  async signUp(who: string): Promise<{ email: string; tokens: LoginBody }> {
    const email = uniqueEmail(who);
    await this.register(email, who);
    await this.verify(email);
    return { email, tokens: await this.login(email) };
  }

  async createOrganization(token: string, name = "Padaria Lima"): Promise<{ id: string; role: string }> {
    const response = await this.request("/api/v1/organizations", {
      token,
      json: { name, currency: "EUR", timezone: "Europe/Lisbon" },
    });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    return body as { id: string; role: string };
  }

  async switchOrganization(token: string, organizationId: string): Promise<Tokens & { role: string }> {
    const response = await this.request("/api/v1/auth/switch-organization", { token, json: { organizationId } });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    return body as Tokens & { role: string };
  }

  /** A verified owner acting in a fresh organization. */
  async owner(who = "owner"): Promise<{ email: string; organizationId: string; tokens: Tokens; userId: string }> {
    const { email, tokens } = await this.signUp(who);
    const organization = await this.createOrganization(tokens.accessToken);
    const switched = await this.switchOrganization(tokens.accessToken, organization.id);
    return { email, organizationId: organization.id, tokens: switched, userId: tokens.user.id };
  }
}

/** The raw bytes of a problem body with its trace id (the one field that differs per request) blanked. */
export async function problemWithoutTrace(response: Response): Promise<string> {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const text = await response.text();
  const { traceId } = JSON.parse(text) as { traceId?: unknown };
  expect(typeof traceId).toBe("string");
  return text.replace(String(traceId), "<trace>");
}

/** The members e2e tests read from problem bodies. */
export interface ProblemJson {
  readonly code: string;
  readonly errors?: readonly { pointer: string; message: string }[];
  readonly [key: string]: unknown;
}

/** `response.json()` typed for the test at hand (a problem body unless told otherwise). */
export const readJson = async <T = ProblemJson>(response: Response): Promise<T> => (await response.json()) as T;

/**
 * Makes `member` (a signed-up account) a member of `owner`'s organization with `role`, the only way
 * there is: the owner invites, the member reads the mailed token and accepts it. Returns the
 * member's tokens acting in the organization.
 */
export async function joinByInvitation(
  owner: { client: AuthClient; token: string; organizationId: string },
  member: { client: AuthClient; email: string; token: string },
  role: string,
): Promise<Tokens & { role: string }> {
  const invited = await owner.client.request(`/api/v1/organizations/${owner.organizationId}/members`, {
    token: owner.token,
    json: { email: member.email, role },
  });
  expect(invited.status, await invited.clone().text()).toBe(202);
  const token = await member.client.mailedToken(member.email, /invit/i);
  const accepted = await member.client.request("/api/v1/invitations/accept", {
    token: member.token,
    json: { token },
  });
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  return member.client.switchOrganization(member.token, owner.organizationId);
}
