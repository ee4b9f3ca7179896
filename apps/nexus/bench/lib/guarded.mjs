// The guarded routes measured after /health/live: a verified user acting in an organization of their own,
// created through the API, then GET /auth/me (the user and their organizations) and GET /organizations (one
// join). Every request pays the guard: the signature check (remembered per token) and the revocation check.
import { randomBytes } from "node:crypto";

const PASSWORD = "Sourdough-starter-at-4am";

export const GUARDED_ROUTES = ["/api/v1/auth/me", "/api/v1/organizations"];

async function call(baseUrl, path, { json, token } = {}) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: json === undefined ? "GET" : "POST",
    headers: {
      ...(json === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

function expectStatus(what, result, status) {
  if (result.status !== status) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** Registers, verifies (dev mailbox), logs in, creates an organization and switches to it: the Authorization header. */
export async function organizationCaller(baseUrl) {
  const email = `bench-${randomBytes(4).toString("hex")}@example.com`;
  expectStatus(
    "register",
    await call(baseUrl, "/api/v1/auth/register", { json: { email, password: PASSWORD, name: "Bench" } }),
    202,
  );
  // Mail is queued in the outbox and delivered by the relay: poll the mailbox for it (20 s at most).
  let token;
  for (let tries = 0; !token && tries < 200; tries++) {
    if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    const mailbox = expectStatus("mailbox", await call(baseUrl, `/dev/mailbox?to=${encodeURIComponent(email)}`), 200);
    token = /Your token is:\s*\n(\S+)/.exec(mailbox.items?.[0]?.text ?? "")?.[1];
  }
  if (!token) throw new Error(`no verification mail for ${email}`);
  expectStatus("verify", await call(baseUrl, "/api/v1/auth/email/verify", { json: { token } }), 204);
  const login = expectStatus(
    "login",
    await call(baseUrl, "/api/v1/auth/login", { json: { email, password: PASSWORD } }),
    200,
  );
  const organization = expectStatus(
    "create organization",
    await call(baseUrl, "/api/v1/organizations", {
      token: login.accessToken,
      json: { name: "Bench Bakery", currency: "EUR", timezone: "Europe/Lisbon" },
    }),
    201,
  );
  const switched = expectStatus(
    "switch organization",
    await call(baseUrl, "/api/v1/auth/switch-organization", {
      token: login.accessToken,
      json: { organizationId: organization.id },
    }),
    200,
  );
  return { authorization: `Bearer ${switched.accessToken}` };
}
