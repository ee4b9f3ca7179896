// One autocannon load, run inside the orchestrating process (the server is a separate process).
import autocannon from "autocannon";
import { cpuSeconds } from "./proc-stats.mjs";

function fire(url, connections, durationSeconds, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: durationSeconds, pipelining: 1, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/**
 * A warm-up load (not recorded; lets the JIT and connection pools settle, equally for every server), then the
 * measured load. Also records the CPU the server and this process used, to show which side was the bottleneck.
 */
export async function measureLoad(url, { pid, connections, durationSeconds, warmupSeconds, headers = {} }) {
  if (warmupSeconds > 0) await fire(url, connections, warmupSeconds, headers);
  const serverCpuBefore = cpuSeconds(pid);
  const ownCpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const result = await fire(url, connections, durationSeconds, headers);
  const elapsed = (performance.now() - startedAt) / 1000;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const responses = result["1xx"] + result["2xx"] + result["3xx"] + result["4xx"] + result["5xx"];
  return {
    reqPerSec: result.requests.average,
    okReqPerSec: result["2xx"] / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    responses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    serverCpuPercent: ((cpuSeconds(pid) - serverCpuBefore) / elapsed) * 100,
    loadGeneratorCpuPercent: ((ownCpu.user + ownCpu.system) / 1e6 / elapsed) * 100,
  };
}
