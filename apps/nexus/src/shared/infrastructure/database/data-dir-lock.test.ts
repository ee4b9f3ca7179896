import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirLock, DataDirLockedError } from "./data-dir-lock";

let dir: string;
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("DataDirLock", () => {
  it("refuses a second holder until the first releases", async () => {
    dir = await mkdtemp(join(tmpdir(), "nexus-lock-"));
    const first = await DataDirLock.acquire(dir);
    await expect(DataDirLock.acquire(dir)).rejects.toBeInstanceOf(DataDirLockedError);
    await first.release();
    const second = await DataDirLock.acquire(dir);
    await second.release();
  });

  it("refuses a directory held by another live process", async () => {
    dir = await mkdtemp(join(tmpdir(), "nexus-lock-"));
    await writeFile(join(dir, "nexus.lock"), String(process.ppid)); // the test runner: alive
    await expect(DataDirLock.acquire(dir)).rejects.toThrow(/in use by process/);
  });

  it("takes over a lock left by a dead process", async () => {
    dir = await mkdtemp(join(tmpdir(), "nexus-lock-"));
    await writeFile(join(dir, "nexus.lock"), "2147483646"); // no such pid
    const lock = await DataDirLock.acquire(dir);
    expect(await readFile(join(dir, "nexus.lock"), "utf8")).toBe(String(process.pid));
    await lock.release();
  });
});
