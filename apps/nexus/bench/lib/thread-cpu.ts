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
/** Per thread id: its group and schedstat seconds so far. */
export type ThreadSnapshot = ReadonlyMap<string, { group: ThreadGroup; running: number; waiting: number }>;

function groupOf(pid: number, task: string): ThreadGroup {
  if (task === String(pid)) return "eventLoop";
  const name = readFileSync(`/proc/${pid}/task/${task}/comm`, "utf8");
  return /Bun Pool|libuv-worker/i.test(name) ? "workPool" : "other";
}

export function threadSnapshot(pid: number): ThreadSnapshot {
  const threads = new Map<string, { group: ThreadGroup; running: number; waiting: number }>();
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      const [running, waiting] = readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ").map(Number);
      threads.set(task, { group: groupOf(pid, task), running: (running ?? 0) / 1e9, waiting: (waiting ?? 0) / 1e9 });
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return threads;
}

/**
 * Time per group since `before`, thread by thread: a thread started meanwhile counts whole, one that
 * ended meanwhile is lost (short-lived JIT threads: a slight undercount of "other").
 */
export function timesSince(pid: number, before: ThreadSnapshot): ThreadTimes {
  const totals = {
    eventLoop: { running: 0, waiting: 0, threads: 0 },
    workPool: { running: 0, waiting: 0, threads: 0 },
    other: { running: 0, waiting: 0, threads: 0 },
  };
  for (const [task, now] of threadSnapshot(pid)) {
    const then = before.get(task);
    const group = totals[now.group];
    group.running += now.running - (then?.running ?? 0);
    group.waiting += now.waiting - (then?.waiting ?? 0);
    group.threads += 1;
  }
  return totals;
}
