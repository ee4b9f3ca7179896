// Accounts for the auth benches: requests from a fresh address each, and verified sign-ups through the
// dev mailbox (mail is queued in the outbox and delivered by the relay, so it is polled for).
import { randomBytes } from "node:crypto";
import { waitUntil } from "../../test/support/spawn-server";

export const BENCH_PASSWORD = "Sourdough-starter-at-4am";

/** Every request from a new address, so per-IP limits (the server trusts one proxy hop) stay out of the figures. */
export const randomIp = () => `10.${randomBytes(3).join(".")}`;
export const uniqueEmail = (who: string) => `${who}-${randomBytes(5).toString("hex")}@bench.example`;

export function post(url: string, path: string, json: unknown, token?: string): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": randomIp(),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(json),
  });
}

/** The token of the newest mail to `email`, polled for. */
export async function mailedToken(url: string, email: string): Promise<string> {
  let token: string | undefined;
  await waitUntil(
    async () => {
      const mailbox = await fetch(`${url}/dev/mailbox?to=${encodeURIComponent(email)}`);
      const { items } = (await mailbox.json()) as { items: { text: string }[] };
      token = /Your token is:\s*\n(\S+)/.exec(items[0]?.text ?? "")?.[1];
      return token !== undefined;
    },
    20_000,
    `a mail to ${email}`,
  );
  return token as string;
}

/** Registers `email` with BENCH_PASSWORD and verifies it with the mailed token. */
export async function registerVerified(url: string, email: string): Promise<void> {
  const registered = await post(url, "/api/v1/auth/register", { email, password: BENCH_PASSWORD, name: "Bench" });
  if (registered.status !== 202) throw new Error(`register ${registered.status}: ${await registered.text()}`);
  const verified = await post(url, "/api/v1/auth/email/verify", { token: await mailedToken(url, email) });
  if (verified.status !== 204) throw new Error(`verify ${verified.status}`);
}
