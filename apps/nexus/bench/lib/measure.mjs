// Measures one server: start-up to ready (on an existing data dir where there is one), idle RSS, then the load.
import { join } from "node:path";
import { GUARDED_ROUTES, organizationCaller } from "./guarded.mjs";
import { measureLoad } from "./load.mjs";
import { cpuSeconds, memoryMb } from "./proc-stats.mjs";
import { startProcess, stopProcess } from "./processes.mjs";
import { freePort, HOST, waitForOk } from "./readiness.mjs";
import { APP_DIR, BUN } from "./servers.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function boot(spec, settings, runDir, attempt) {
  const port = await freePort();
  const spawnedAt = performance.now();
  const proc = startProcess(BUN, spec.args, {
    cwd: APP_DIR,
    env: spec.env(port),
    stderrFile: join(runDir, `${spec.mode}-${attempt}.stderr.log`),
  });
  try {
    const readyAt = await waitForOk(`http://${HOST}:${port}${spec.readyPath}`, {
      proc,
      timeoutMs: settings.readyTimeoutMs,
    });
    return { proc, port, startupMs: readyAt - spawnedAt };
  } catch (error) {
    await stopProcess(proc, 2000);
    throw error;
  }
}

async function timedStop(proc) {
  const startedAt = performance.now();
  const exit = await stopProcess(proc);
  return { shutdownMs: performance.now() - startedAt, exit };
}

/** @param {import("./servers.mjs").ServerSpec} spec */
export async function measureServer(spec, settings, runDir) {
  let firstStartupMs = null;
  if (spec.restartOnExistingData) {
    // The first start creates and migrates the data dir; the figure that counts is the second, on existing data.
    const first = await boot(spec, settings, runDir, 1);
    firstStartupMs = first.startupMs;
    await timedStop(first.proc);
  }
  const run = await boot(spec, settings, runDir, 2);
  let stop = null;
  try {
    const cpuAtReady = cpuSeconds(run.proc.pid);
    await sleep(settings.idleMs);
    const idle = memoryMb(run.proc.pid);
    const idleCpuPercent =
      settings.idleMs > 0 ? ((cpuSeconds(run.proc.pid) - cpuAtReady) / (settings.idleMs / 1000)) * 100 : 0;
    const load = await measureLoad(`http://${HOST}:${run.port}${settings.path}`, {
      pid: run.proc.pid,
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      warmupSeconds: settings.warmupSeconds,
    });
    const routes = spec.guardedRoutes
      ? await measureGuardedRoutes(`http://${HOST}:${run.port}`, run.proc.pid, settings)
      : [];
    const afterLoad = memoryMb(run.proc.pid);
    stop = await timedStop(run.proc);
    return {
      mode: spec.mode,
      label: spec.label,
      firstStartupMs,
      startupMs: run.startupMs,
      idleRssMb: idle.rssMb,
      idleCpuPercent,
      rssAfterLoadMb: afterLoad.rssMb,
      peakRssMb: afterLoad.peakMb,
      pids: idle.pids.map((p) => p.pid),
      ...load,
      routes,
      shutdownMs: stop.shutdownMs,
      exit: stop.exit,
    };
  } finally {
    if (!stop) await stopProcess(run.proc, 2000);
  }
}

/** The guarded routes, loaded like /health/live (same connections, warm-up and duration) with one caller's token. */
async function measureGuardedRoutes(baseUrl, pid, settings) {
  const headers = await organizationCaller(baseUrl);
  const routes = [];
  for (const path of GUARDED_ROUTES) {
    const load = await measureLoad(`${baseUrl}${path}`, {
      pid,
      headers,
      connections: settings.connections,
      durationSeconds: settings.durationSeconds,
      warmupSeconds: settings.warmupSeconds,
    });
    routes.push({ path, ...load });
  }
  return routes;
}
