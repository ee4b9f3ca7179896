// Independent audit entries on one chain (failed logins all land on the global chain): entries/s and
// p50/p99 of a caller's wait with W writers in flight, committed one per transaction (the baseline, as
// before group commit) and through AuditTrail.recordIndependently (group commit), in the same run.
// Run from apps/nexus:  ../../node_modules/.bin/bun bench/audit-append.bench.ts
//   [--db=pglite|postgres|all] [--writers=1,8,64] [--seconds=5]
// PostgreSQL: a throw-away database on BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres).
// Prints figures only (tests never assert timings).
import { randomBytes } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { AuditChainKeys } from "@/shared/infrastructure/audit/audit-hash";
import { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import { DrizzleUnitOfWork } from "@/shared/infrastructure/database/unit-of-work";
import { parseSecretKeys } from "@/shared/infrastructure/secrets/secret-key";
import { type BenchDb, withBenchDatabase } from "./lib/bench-database";

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k ?? "", v ?? "true"] as const;
  }),
);
const DBS = (args.get("db") ?? "all") === "all" ? (["pglite", "postgres"] as BenchDb[]) : [args.get("db") as BenchDb];
const WRITERS = (args.get("writers") ?? "1,8,64").split(",").map(Number);
const SECONDS = Number(args.get("seconds") ?? 5);
const keys = new AuditChainKeys(parseSecretKeys(randomBytes(32).toString("hex"), "AUDIT_CHAIN_KEY"));

const entry = () => ({
  action: "auth.login.failed",
  outcome: "failure" as const,
  organizationId: null,
  actorId: null,
  metadata: { reason: "unknown-email" },
});

/** `writers` loops calling `append` back to back for SECONDS: entries/s and each call's wait. */
async function drive(writers: number, append: () => Promise<unknown>) {
  const waits: number[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        await append();
        waits.push(performance.now() - t);
      }
    }),
  );
  waits.sort((a, b) => a - b);
  const at = (p: number) => waits[Math.min(waits.length - 1, Math.floor((p / 100) * waits.length))] ?? 0;
  return { rate: waits.length / ((performance.now() - started) / 1000), p50: at(50), p99: at(99) };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);
console.log(
  `audit append bench: ${availableParallelism()} cores, ${SECONDS} s per load, load average ${loadavg()
    .map((l) => fmt(l, 2))
    .join(" ")}`,
);
for (const db of DBS) {
  await withBenchDatabase(db, "audit", async (client) => {
    const uow = new DrizzleUnitOfWork(client);
    const trail = new AuditTrail(client, keys);
    // Baseline: what recordIndependently did before group commit — a transaction per entry.
    const single = (writers: number) => drive(writers, () => uow.transaction(() => trail.record(entry())));
    const grouped = (writers: number) => drive(writers, () => trail.recordIndependently(entry()));
    await single(4); // warm-up: plans, JIT, the table's first pages
    await grouped(4);
    const show = (r: Awaited<ReturnType<typeof drive>>) =>
      `${fmt(r.rate)}/s (p50 ${fmt(r.p50, 2)} ms, p99 ${fmt(r.p99, 2)} ms)`;
    for (const writers of WRITERS) {
      // Baseline before and after, so drift (a growing table, a busy machine) shows.
      const [before, group, after] = [await single(writers), await grouped(writers), await single(writers)];
      const baseline = (before.rate + after.rate) / 2;
      console.log(
        `${db.padEnd(8)} ${String(writers).padStart(3)} writers: one per transaction ${show(before)}, again ${show(after)}; ` +
          `group commit ${show(group)}; ratio ${fmt(group.rate / baseline, 2)}`,
      );
    }
    const verified = await trail.verify();
    console.log(`${db.padEnd(8)} chain after the run: valid ${verified.valid}, ${verified.checked} entries checked`);
  });
}
