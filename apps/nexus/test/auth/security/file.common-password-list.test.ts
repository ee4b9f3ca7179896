import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileCommonPasswordList } from "@/contexts/auth/infrastructure/security/file.common-password-list";

describe("FileCommonPasswordList", () => {
  const shipped = FileCommonPasswordList.load();

  it("ships a list of a few thousand passwords", () => {
    expect(shipped.size).toBeGreaterThan(3_000);
  });

  it("knows long variants of the usual suspects, whatever their case", () => {
    for (const password of [
      "password1234",
      "Password1234",
      "QWERTY123456",
      "iloveyou2024",
      "1qaz2wsx3edc",
      "123456789012",
    ]) {
      expect(shipped.contains(password), password).toBe(true);
    }
  });

  it("does not flag an ordinary passphrase", () => {
    expect(shipped.contains("violet kettle under 7 bridges")).toBe(false);
  });

  it("ignores comments and blank lines of a custom file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "nexus-cpw-"));
    const file = join(dir, "list.txt");
    await writeFile(file, "# a comment\n\nHunter2Hunter2\r\n");
    const list = FileCommonPasswordList.load(file);
    expect(list.size).toBe(1);
    expect(list.contains("hunter2hunter2")).toBe(true);
    expect(list.contains("# a comment")).toBe(false);
    await rm(dir, { recursive: true });
  });
});
