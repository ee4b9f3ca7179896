// Memory and CPU of a server's process tree, read from /proc (Linux). The tree, not the spawned pid alone,
// because a runtime may re-exec or fork the process that actually serves.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

function read(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/** The pid and all its live descendants. */
export function processTree(pid) {
  const pids = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.shift();
    if (read(`/proc/${current}/status`) === null) continue;
    pids.push(current);
    const children = read(`/proc/${current}/task/${current}/children`) ?? "";
    for (const child of children.trim().split(/\s+/).filter(Boolean)) queue.push(Number(child));
  }
  return pids;
}

function statusKb(pid, field) {
  const match = (read(`/proc/${pid}/status`) ?? "").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return match ? Number(match[1]) : 0;
}

/** Resident set size of the tree in MB (VmRSS), with the per-pid breakdown. */
export function memoryMb(pid) {
  const pids = processTree(pid);
  const perPid = pids.map((p) => ({ pid: p, rssMb: statusKb(p, "VmRSS") / 1024, peakMb: statusKb(p, "VmHWM") / 1024 }));
  return {
    rssMb: perPid.reduce((sum, p) => sum + p.rssMb, 0),
    peakMb: perPid.reduce((sum, p) => sum + p.peakMb, 0),
    pids: perPid,
  };
}

/** CPU seconds (user + system) used so far by the tree. */
export function cpuSeconds(pid) {
  let ticks = 0;
  for (const p of processTree(pid)) {
    const stat = read(`/proc/${p}/stat`);
    if (!stat) continue;
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS;
}
