import { createHash, randomBytes, randomUUID } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** A symmetric secret kept OUTSIDE the database (config or a file under DATA_DIR). Never logged. */
export interface SecretKey {
  /** Short public fingerprint (sha256 of the key, 12 hex): names the key in stored data, reveals nothing. */
  readonly id: string;
  readonly bytes: Buffer;
}

export class InvalidSecretKeyError extends Error {
  override readonly name = "InvalidSecretKeyError";
}

const MIN_BYTES = 32;

/**
 * Keys from a config value: comma-separated, each base64, base64url or hex of at least 32 bytes.
 * The first is the current key; the others are older ones still accepted for reading (rotation).
 */
export function parseSecretKeys(value: string, variable: string): [SecretKey, ...SecretKey[]] {
  const keys = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part, index) => toKey(decode(part, `${variable} key #${index + 1}`)));
  if (keys.length === 0) throw new InvalidSecretKeyError(`${variable} is empty`);
  return keys as [SecretKey, ...SecretKey[]];
}

/**
 * `configured` when set; else (never in production) a key generated on first start and kept in
 * `${DATA_DIR}/keys/<file>` (0600), the way the token-signing keys are. Concurrent first starts: each
 * writes a temporary file and `link` publishes one atomically; the loser reads the winner's key.
 */
export async function loadSecretKeys(options: {
  readonly configured: string | undefined;
  readonly variable: string;
  readonly dataDir: string;
  readonly file: string;
  readonly production: boolean;
}): Promise<[SecretKey, ...SecretKey[]]> {
  if (options.configured) return parseSecretKeys(options.configured, options.variable);
  if (options.production) throw new InvalidSecretKeyError(`${options.variable} is required in production`);
  const path = join(options.dataDir, "keys", options.file);
  const existing = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (existing !== null) return parseSecretKeys(existing, path);

  await mkdir(join(path, ".."), { recursive: true, mode: 0o700 });
  const generated = randomBytes(MIN_BYTES).toString("base64url");
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, `${generated}\n`, { mode: 0o600, flag: "wx" });
    await link(temporary, path);
    return parseSecretKeys(generated, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return parseSecretKeys(await readFile(path, "utf8"), path);
  } finally {
    await rm(temporary, { force: true });
  }
}

function decode(text: string, where: string): Buffer {
  const bytes =
    /^[0-9a-f]+$/i.test(text) && text.length % 2 === 0
      ? Buffer.from(text, "hex")
      : /^[A-Za-z0-9+/_-]+={0,2}$/.test(text)
        ? Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64")
        : undefined;
  if (!bytes || bytes.length < MIN_BYTES) {
    throw new InvalidSecretKeyError(`${where} must be base64, base64url or hex of at least ${MIN_BYTES} random bytes`);
  }
  return bytes;
}

function toKey(bytes: Buffer): SecretKey {
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 12), bytes };
}
