// Child processes of the harness. Each runs in its own process group (detached) so that stopping it also stops
// anything it spawned; every live child is killed when the harness exits for any reason.
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";

const live = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export function killAll() {
  for (const child of live) killGroup(child, "SIGKILL");
  live.clear();
}

let installed = false;
/** Kills the children on normal exit, on Ctrl-C / SIGTERM and on a crash of the harness itself. */
export function installCleanup() {
  if (installed) return;
  installed = true;
  process.on("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
  }
}

/**
 * Starts a long-running process. stdout goes to /dev/null (what a production log shipper costs is not ours to
 * measure, but the server still formats and writes every line); stderr goes to `stderrFile` for diagnostics.
 */
export function startProcess(command, args, { cwd, env, stderrFile }) {
  const devNull = openSync("/dev/null", "w");
  const errFd = openSync(stderrFile, "a");
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", devNull, errFd] });
  closeSync(devNull);
  closeSync(errFd);
  live.add(child);
  const exited = new Promise((resolve) => {
    child.once("exit", (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, pid: child.pid, exited, stderrTail: () => tail(stderrFile) };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
export async function stopProcess(proc, graceMs = 15_000) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return proc.exited;
  killGroup(proc.child, "SIGTERM");
  const timer = setTimeout(() => killGroup(proc.child, "SIGKILL"), graceMs);
  const result = await proc.exited;
  clearTimeout(timer);
  return result;
}

/** Runs a command to completion; rejects with its output when it fails or exceeds `timeoutMs`. */
export function runToCompletion(command, args, { cwd, env, timeoutMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    live.add(child);
    let output = "";
    const collect = (chunk) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      live.delete(child);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      live.delete(child);
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

function tail(file, bytes = 4000) {
  try {
    return readFileSync(file, "utf8").slice(-bytes);
  } catch {
    return "";
  }
}
