import { Email } from "@/contexts/auth/domain/email.value-object";
import { AuthTokens } from "@/contexts/auth/infrastructure/auth.tokens";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { PlatformTokens } from "@/shared/infrastructure/platform.tokens";
import { type Application, createApplication } from "../composition-root";
import { CaughtMailer } from "./caught.mailer";
import { DEMO_ORGANIZATION, DEMO_OWNER } from "./demo-business";
import { type IssuedInvoice, runDemoDay } from "./demo-day";
import { demoHistory } from "./demo-history";
import { createDemoCatalog, createDemoOwner } from "./demo-setup";
import { SeedingClock } from "./seeding.clock";

export interface SeedDemoOptions {
  readonly days: number;
  readonly print: (line: string) => void;
}

/**
 * `npm run nexus -- seed-demo`: the demo business through the use cases of auth, production and tax
 * (docs/bi.md, "Demo data"). The app is built by the composition root with a seeding clock set to
 * each past day in turn, and its outbox delivered in process after every step of a day, so
 * production ships and BI projects each day's documents as that day's. Exit 0 when seeded or
 * already seeded, 1 when a previous run was interrupted half-way.
 */
export async function seedDemo(config: Config, { days, print }: SeedDemoOptions): Promise<number> {
  if (config.NODE_ENV === "production") {
    print("seed-demo refuses to run with NODE_ENV=production: its owner's password is public.");
    return 1;
  }
  const clock = new SeedingClock();
  const mailer = new CaughtMailer();
  // In-process delivery even when SQS is configured: the seed must apply each day's events itself.
  const app = await createApplication(
    { ...config, SQS_ENDPOINT: undefined, RELAY_ENABLED: false },
    { overrides: { clock, mailer } },
  );
  try {
    const existing = await demoOrganization(app);
    if (existing !== "none") {
      if (existing === "incomplete") {
        print(`${DEMO_OWNER.email} exists without the demo organization: a previous seed-demo was interrupted.`);
        print("Start again from an empty database (a new DATA_DIR, or a fresh DATABASE_URL).");
        return 1;
      }
      print(`already seeded: organization "${DEMO_ORGANIZATION.name}" (${existing}); nothing changed.`);
      printCredentials(print);
      return 0;
    }
    const startedAt = performance.now();
    const relay = app.container.resolve(PlatformTokens.EventBus).relay;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const history = demoHistory(yesterday, days);
    const first = history[0];
    if (!first) throw new Error("no demo history");

    clock.set(first.date, 4);
    const actor = await createDemoOwner(app.container, mailer, () => relay.drain());
    const catalog = await createDemoCatalog(app.container, actor);
    const issued: IssuedInvoice[][] = [];
    const run = { container: app.container, clock, actor, catalog, issued, deliver: () => relay.drain() };
    for (const day of history) await runDemoDay(run, day);
    await relay.drain();

    const invoices = issued.reduce((n, day) => n + day.length, 0);
    print(
      `seeded "${DEMO_ORGANIZATION.name}" (${actor.organizationId}): ${history.length} working days from ` +
        `${first.date} to ${yesterday}, ${invoices} invoices, 1 cancellation, 3 credit notes ` +
        `(${Math.round((performance.now() - startedAt) / 1000)} s)`,
    );
    printCredentials(print);
    return 0;
  } finally {
    await app.stop();
  }
}

function printCredentials(print: (line: string) => void): void {
  print(`sign in at /dashboard as ${DEMO_OWNER.email} with password ${DEMO_OWNER.password}`);
}

/** Read through auth's repositories: the demo owner's organization id, or why there is none. */
async function demoOrganization(app: Application): Promise<string | "none" | "incomplete"> {
  const deps = app.container.resolve(AuthTokens.Deps);
  const email = Email.parse(DEMO_OWNER.email);
  if (!email.ok) throw new Error("the demo email is not an email");
  const owner = await deps.users.findByEmail(email.value);
  if (!owner) return "none";
  const organizations = await deps.memberships.listOrganizationsOfUser(owner.id);
  const demo = organizations.find((o) => o.organization.name === DEMO_ORGANIZATION.name);
  return demo ? demo.organization.id : "incomplete";
}
