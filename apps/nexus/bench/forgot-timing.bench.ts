// Forgot-password and resend-verification timing for known vs unknown emails (issue #7 item 3): the
// answer must not tell whether an account exists, neither by body nor by time. Sequential requests,
// known and unknown shuffled into one random sequence, so drift and neighbours hit both alike;
// median and p90 per kind, with the dev mailbox and with a real SMTP server (npm smtp-server, in a
// process of its own). Target: medians within 10 %.
// Run from apps/nexus:  ../../node_modules/.bin/bun bench/forgot-timing.bench.ts
//   [--db=pglite|postgres] [--accounts=100] [--rounds=4] [--mail=mailbox,smtp]
// Prints figures only (tests never assert timings).
import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { median, percentile, startNexus } from "./lib/nexus-server";
import { startSmtpProcess } from "./lib/smtp-process";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k ?? "", v ?? "true"] as const;
  }),
);
const DB = args.get("db") ?? "pglite";
// Each account is asked for once per path and round: the per-account budget (10 a minute) holds.
// 400 requests per kind: with fewer, a median's own noise is several percent of the 10 % target.
const ACCOUNTS = Number(args.get("accounts") ?? 100);
const ROUNDS = Number(args.get("rounds") ?? 4);
const MAIL = (args.get("mail") ?? "mailbox,smtp").split(",");
const PASSWORD = "Sourdough-starter-at-4am";
const PATHS = { forgot: "/api/v1/auth/password/forgot", resend: "/api/v1/auth/email/resend" } as const;

const randomIp = () => `10.${randomBytes(3).join(".")}`;
const uniqueEmail = (who: string) => `${who}-${randomBytes(5).toString("hex")}@bench.example`;
const fmt = (n: number, digits = 1) => n.toFixed(digits);
const load = () =>
  loadavg()
    .map((l) => fmt(l, 2))
    .join(" ");

async function post(url: string, path: string, json: unknown): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  const response = await fetch(`${url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": randomIp() },
    body: JSON.stringify(json),
  });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, body };
}

type Kind = `${keyof typeof PATHS} ${"known" | "unknown"}`;

async function measure(url: string): Promise<Map<Kind, number[]>> {
  // Registered, not verified: resend mails them, forgot mails them.
  const accounts = Array.from({ length: ACCOUNTS }, () => uniqueEmail("known"));
  for (const email of accounts) {
    const r = await post(url, "/api/v1/auth/register", { email, password: PASSWORD, name: "Bench" });
    if (r.status !== 202) throw new Error(`register: ${r.status} ${r.body}`);
  }
  for (let i = 0; i < 10; i++) await post(url, PATHS.forgot, { email: uniqueEmail("warmup") }); // JIT, pools
  const samples = new Map<Kind, number[]>();
  const bodies = new Set<string>();
  const record = (kind: Kind, r: { ms: number; status: number; body: string }) => {
    if (r.status !== 202) throw new Error(`${kind}: expected 202, got ${r.status} ${r.body}`);
    bodies.add(`${kind.split(" ")[0]} ${r.body}`);
    samples.set(kind, [...(samples.get(kind) ?? []), r.ms]);
  };
  // One sequence of every request, shuffled whole: the request before and after a known one is known
  // or unknown at even odds. (Pairs shuffled within themselves put an unknown after a known three
  // times in four, so work the relay does after a known request's answer weighed on unknowns.)
  const sends: (() => Promise<void>)[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const email of accounts) {
      for (const path of ["forgot", "resend"] as const) {
        sends.push(async () => record(`${path} known`, await post(url, PATHS[path], { email })));
        sends.push(async () =>
          record(`${path} unknown`, await post(url, PATHS[path], { email: uniqueEmail("nobody") })),
        );
      }
    }
  }
  for (let i = sends.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [sends[i], sends[j]] = [sends[j] as () => Promise<void>, sends[i] as () => Promise<void>];
  }
  for (const send of sends) await send();
  if (bodies.size !== 2) throw new Error(`known and unknown answered different bodies: ${[...bodies].join(" | ")}`);
  return samples;
}

function report(title: string, samples: Map<Kind, number[]>): void {
  console.log(`\n${title}`);
  for (const path of ["forgot", "resend"] as const) {
    const known = samples.get(`${path} known`) ?? [];
    const unknown = samples.get(`${path} unknown`) ?? [];
    const [mk, mu] = [median(known), median(unknown)];
    const gap = (Math.abs(mk - mu) / Math.min(mk, mu)) * 100;
    console.log(
      `   ${path.padEnd(7)} known   median ${fmt(mk, 2)} ms  p90 ${fmt(percentile(known, 90), 2)} ms  (n=${known.length})`,
    );
    console.log(
      `   ${path.padEnd(7)} unknown median ${fmt(mu, 2)} ms  p90 ${fmt(percentile(unknown, 90), 2)} ms  (n=${unknown.length})`,
    );
    const slower = mk > mu ? "known slower" : "unknown slower";
    console.log(
      `   ${path.padEnd(7)} medians differ by ${fmt(gap)} % (${slower})  target ≤ 10 %  ${gap <= 10 ? "PASS" : "MISS"}`,
    );
  }
}

console.log(
  `forgot/resend bench: db=${DB}, ${availableParallelism()} cores, ${ACCOUNTS} accounts × ${ROUNDS} rounds, ` +
    `sequential; load average ${load()}`,
);
/** Starts a server with `env`, measures and reports it, stops it. */
async function run(title: string, env: Record<string, string> = {}): Promise<void> {
  const server = await startNexus({ db: DB, env });
  try {
    report(title, await measure(server.url));
  } finally {
    await server.stop();
  }
}

if (MAIL.includes("mailbox")) {
  await run("1. Dev mailbox (mail queued in the outbox, the relay writes it to the database)");
}
if (MAIL.includes("smtp")) {
  const smtp = await startSmtpProcess();
  try {
    await run(
      "2. SMTP (npm smtp-server on loopback, its own process; the relay sends, the request never waits for it)",
      { SMTP_URL: smtp.url },
    );
  } finally {
    console.log(`   mails received by the SMTP server: ${await smtp.close()} (known accounts only)`);
  }
}
console.log(`\nload average after ${load()}`);
