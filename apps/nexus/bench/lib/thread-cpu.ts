// Where a process's time went, per thread group, from /proc (Linux): its event loop (the main thread),
// its work pool ("Bun Pool N" / "libuv-worker": argon2 runs there) and the rest (GC, JIT). For each:
// seconds running on a CPU, and seconds runnable but waiting for one (schedstat), so a pool that
// idles can be told from one starved of CPU.
import { readdirSync, readFileSync } from "node:fs";

export type ThreadGroup = "eventLoop" | "workPool" | "other";
export interface GroupTime {
  /** Seconds on a CPU. */
  readonly running: number;
  /** Seconds runnable, waiting for a CPU. */
  readonly waiting: number;
  readonly threads: number;
}
export type ThreadTimes = Record<ThreadGroup, GroupTime>;

function groupOf(pid: number, task: string): ThreadGroup {
  if (task === String(pid)) return "eventLoop";
  const name = readFileSync(`/proc/${pid}/task/${task}/comm`, "utf8");
  return /Bun Pool|libuv-worker/i.test(name) ? "workPool" : "other";
}

export function threadTimes(pid: number): ThreadTimes {
  const totals = {
    eventLoop: { running: 0, waiting: 0, threads: 0 },
    workPool: { running: 0, waiting: 0, threads: 0 },
    other: { running: 0, waiting: 0, threads: 0 },
  };
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const [running, waiting] = readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ").map(Number);
      const group = totals[groupOf(pid, task)];
      group.running += (running ?? 0) / 1e9;
      group.waiting += (waiting ?? 0) / 1e9;
      group.threads += 1;
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return totals;
}

export function timesSince(pid: number, before: ThreadTimes): ThreadTimes {
  const now = threadTimes(pid);
  const minus = (g: ThreadGroup): GroupTime => ({
    running: now[g].running - before[g].running,
    waiting: now[g].waiting - before[g].waiting,
    threads: now[g].threads,
  });
  return { eventLoop: minus("eventLoop"), workPool: minus("workPool"), other: minus("other") };
}
