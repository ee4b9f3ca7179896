// Prints the figures as a table with the targets beside them, and writes them to bench/results/ as JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { targets } from "./settings.mjs";

const RESULTS_DIR = fileURLToPath(new URL("../results/", import.meta.url));

const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? "-" : n.toFixed(digits));

function row(cells, widths) {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join("  ");
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  return [row(headers, widths), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map((r) => row(r, widths))].join(
    "\n",
  );
}

/** Adds the ratio to the bare app and the PASS/MISS verdicts to each Nexus result. */
export function evaluate(results) {
  const bare = results.find((r) => r.mode === "bare" && !r.error);
  const pgbench = results.find((r) => r.mode === "pgbench" && !r.error);
  return results.map((r) => {
    if (r.error || r.mode === "bare" || r.mode === "pgbench") return r;
    const routes = (r.routes ?? []).map((route) => ({
      ...route,
      ratioToBare: bare ? route.reqPerSec / bare.reqPerSec : null,
      // Only against the PostgreSQL server it ran on: PGlite is another engine.
      ratioToPgbench: pgbench && r.mode === "postgres" ? route.reqPerSec / pgbench.tps : null,
    }));
    const ratio = bare ? r.reqPerSec / bare.reqPerSec : null;
    const clean = r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
    const verdict = (ok) => (ok ? "PASS" : "MISS");
    return {
      ...r,
      routes,
      ratioToBare: ratio,
      verdicts: {
        ratio:
          ratio === null
            ? "n/a (no bare run)"
            : clean
              ? verdict(ratio >= targets.minRatioToBare)
              : "MISS (non-2xx/errors)",
        startup: verdict(r.startupMs < targets.maxStartupMs),
        idleRss: verdict(r.idleRssMb < targets.maxIdleRssMb),
      },
    };
  });
}

export function printReport(results, settings) {
  const ok = results.filter((r) => !r.error && r.mode !== "pgbench");
  const pgbench = results.find((r) => r.mode === "pgbench" && !r.error);
  const lines = [];
  lines.push(
    `\nGET ${settings.path}, ${settings.connections} connections, ${settings.durationSeconds} s per server ` +
      `(after a ${settings.warmupSeconds} s warm-up), autocannon in the harness process, servers on Bun; ` +
      `Nexus with LOG_LEVEL=${settings.logLevel}, stdout to /dev/null` +
      `${Object.keys(settings.nexusEnv).length > 0 ? `, plus ${JSON.stringify(settings.nexusEnv)}` : ""}.\n`,
  );
  lines.push(
    table(
      [
        "server",
        "req/s",
        "p50 ms",
        "p99 ms",
        "vs bare",
        "non-2xx",
        "srv CPU%",
        "gen CPU%",
        "1st start ms",
        "start ms",
        "idle RSS MB",
        "RSS after MB",
      ],
      ok.map((r) => [
        r.label,
        fmt(r.reqPerSec),
        fmt(r.p50Ms, 1),
        fmt(r.p99Ms, 1),
        r.mode === "bare" ? "1.00" : fmt(r.ratioToBare, 2),
        r.non2xx + r.errors + r.timeouts,
        fmt(r.serverCpuPercent),
        fmt(r.loadGeneratorCpuPercent),
        fmt(r.firstStartupMs),
        fmt(r.startupMs),
        fmt(r.idleRssMb, 1),
        fmt(r.rssAfterLoadMb, 1),
      ]),
    ),
  );
  const judged = ok.filter((r) => r.verdicts);
  if (judged.length > 0) {
    lines.push("\nTargets");
    lines.push(
      table(
        ["server", "target", "measured", "verdict"],
        judged.flatMap((r) => [
          [r.label, `req/s >= ${targets.minRatioToBare} x bare`, fmt(r.ratioToBare, 2), r.verdicts.ratio],
          [
            r.label,
            `start-up (existing data) < ${targets.maxStartupMs} ms`,
            `${fmt(r.startupMs)} ms`,
            r.verdicts.startup,
          ],
          [r.label, `idle RSS < ${targets.maxIdleRssMb} MB`, `${fmt(r.idleRssMb, 1)} MB`, r.verdicts.idleRss],
        ]),
      ),
    );
  }
  const routes = ok.flatMap((r) => (r.routes ?? []).map((route) => ({ server: r.label, ...route })));
  if (routes.length > 0) {
    lines.push(
      `\nGuarded routes (a verified owner's organization token, same load; API quota off)` +
        (pgbench
          ? `; pgbench -S on the same PostgreSQL server: ${fmt(pgbench.tps)} tps (${pgbench.clients} clients, ${pgbench.threads} threads, ${pgbench.seconds} s)`
          : "; pgbench -S not run") +
        "\n",
    );
    lines.push(
      table(
        ["server", "route", "req/s", "p50 ms", "p99 ms", "vs bare", "vs pgbench -S", "non-2xx", "srv CPU%"],
        routes.map((route) => [
          route.server,
          `GET ${route.path.replace("/api/v1", "")}`,
          fmt(route.reqPerSec),
          fmt(route.p50Ms, 1),
          fmt(route.p99Ms, 1),
          fmt(route.ratioToBare, 2),
          fmt(route.ratioToPgbench, 2),
          route.non2xx + route.errors + route.timeouts,
          fmt(route.serverCpuPercent),
        ]),
      ),
    );
    const organizations = routes.find(
      (route) => route.ratioToPgbench !== null && route.path.endsWith("/organizations"),
    );
    if (organizations) {
      const ok = organizations.non2xx + organizations.errors + organizations.timeouts === 0;
      const verdict = ok
        ? organizations.ratioToPgbench >= targets.minRatioToPgbench
          ? "PASS"
          : "MISS"
        : "MISS (non-2xx)";
      lines.push(
        `\nTarget: GET /organizations (one query) >= ${targets.minRatioToPgbench} x pgbench -S tps: ` +
          `${fmt(organizations.ratioToPgbench, 2)} ${verdict}`,
      );
    }
  }
  for (const r of results.filter((r) => r.error)) lines.push(`\n${r.label}: FAILED\n${r.error}`);
  console.log(lines.join("\n"));
}

export function writeResults(results, settings) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = `${RESULTS_DIR}http-${stamp}.json`;
  const body = JSON.stringify({ at: new Date().toISOString(), settings, targets, results }, null, 2);
  writeFileSync(file, body);
  writeFileSync(`${RESULTS_DIR}http-latest.json`, body);
  return file;
}
