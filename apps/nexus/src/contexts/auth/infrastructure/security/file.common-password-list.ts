import { readFileSync } from "node:fs";
import type { CommonPasswordList } from "../../application/ports/common-password-list.port";

const SHIPPED_LIST = new URL("./common-passwords.txt", import.meta.url);

/** The shipped list (one password a line, `#` comments), read once into a Set of lower-case entries. */
export class FileCommonPasswordList implements CommonPasswordList {
  private constructor(private readonly entries: ReadonlySet<string>) {}

  /** Synchronous on purpose: read once at start-up, then every lookup is a Set probe. */
  static load(path: URL | string = SHIPPED_LIST): FileCommonPasswordList {
    const entries = new Set<string>();
    for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
      const entry = line.trim();
      if (entry && !entry.startsWith("#")) entries.add(entry.toLowerCase());
    }
    return new FileCommonPasswordList(entries);
  }

  get size(): number {
    return this.entries.size;
  }

  contains(password: string): boolean {
    return this.entries.has(password.toLowerCase());
  }
}
