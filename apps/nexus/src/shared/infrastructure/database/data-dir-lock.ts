import { open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

export class DataDirLockedError extends Error {
  override readonly name = "DataDirLockedError";
}

/**
 * A pid file beside PGlite's data: two processes writing one data dir corrupt it (e.g. `nexus migrate`
 * while the server runs). A lock left by a dead process is taken over.
 */
export class DataDirLock {
  // A pid alone cannot tell "this process" from "a previous process with the same pid" (pid 1 in containers).
  private static readonly held = new Set<string>();

  private constructor(private readonly path: string) {}

  static async acquire(dir: string): Promise<DataDirLock> {
    const path = join(dir, "nexus.lock");
    if (DataDirLock.held.has(path)) throw new DataDirLockedError(`${dir} is already open in this process`);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const file = await open(path, "wx");
        await file.writeFile(String(process.pid));
        await file.close();
        DataDirLock.held.add(path);
        return new DataDirLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const owner = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
        if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
          throw new DataDirLockedError(`${dir} is in use by process ${owner}; stop it or set another DATA_DIR`);
        }
        await rm(path, { force: true }); // stale: its process is gone
      }
    }
    throw new DataDirLockedError(`could not lock ${dir}`);
  }

  async release(): Promise<void> {
    if (!DataDirLock.held.delete(this.path)) return;
    await rm(this.path, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
