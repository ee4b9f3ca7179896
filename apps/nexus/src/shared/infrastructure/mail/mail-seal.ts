import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { loadSecretKeys, type SecretKey } from "@/shared/infrastructure/secrets/secret-key";

export class UnsealableMailError extends Error {
  override readonly name = "UnsealableMailError";
}

const VERSION = "v1";
// Sealed bodies are padded to a multiple of this, so a row's size says little about its content.
const BLOCK = 512;

/**
 * AES-256-GCM over JSON, with a key kept outside the database (MAIL_SEAL_KEY). The outbox row of a
 * mail request holds only `v1.<keyId>.<iv>.<ciphertext>.<tag>`: whoever reads the database (a
 * replica, a backup, a superuser) finds no reset link in it. The first key seals; every configured
 * key opens, so a key can be rotated while requests sealed under the old one are still queued.
 */
export class MailSeal {
  private readonly byId: ReadonlyMap<string, SecretKey>;

  constructor(private readonly keys: readonly [SecretKey, ...SecretKey[]]) {
    this.byId = new Map(keys.map((k) => [k.id, k]));
  }

  /**
   * Seals `value`, padded to the size `sizeAs` would seal to when that is larger: a request that
   * mails nobody (null) sealed "as" the mail it stands in for is as long as that mail's row.
   */
  seal(value: unknown, sizeAs: unknown = value): string {
    const key = this.keys[0];
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key.bytes.subarray(0, 32), iv);
    cipher.setAAD(Buffer.from(`${VERSION}.${key.id}`));
    const json = Buffer.from(JSON.stringify(value));
    const size = Math.max(json.length, sizeAs === value ? 0 : Buffer.byteLength(JSON.stringify(sizeAs)));
    const padded = Buffer.concat([json, Buffer.alloc(size - json.length + BLOCK - (size % BLOCK), 0x20)]);
    const body = Buffer.concat([cipher.update(padded), cipher.final()]);
    return [
      VERSION,
      key.id,
      iv.toString("base64url"),
      body.toString("base64url"),
      cipher.getAuthTag().toString("base64url"),
    ].join(".");
  }

  unseal(sealed: string): unknown {
    const [version, keyId, iv, body, tag] = sealed.split(".");
    if (version !== VERSION || !keyId || iv === undefined || body === undefined || tag === undefined) {
      throw new UnsealableMailError("not a sealed mail request");
    }
    const key = this.byId.get(keyId);
    if (!key) throw new UnsealableMailError(`sealed with key ${keyId}, which is not configured (MAIL_SEAL_KEY)`);
    try {
      const decipher = createDecipheriv("aes-256-gcm", key.bytes.subarray(0, 32), Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(`${VERSION}.${key.id}`));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
      return JSON.parse(plain.toString("utf8"));
    } catch (error) {
      throw new UnsealableMailError("sealed mail request failed authentication", { cause: error });
    }
  }
}

/** MAIL_SEAL_KEY, or (never in production) `${DATA_DIR}/keys/mail-seal.key`, created on first start. */
export async function loadMailSeal(config: Pick<Config, "MAIL_SEAL_KEY" | "DATA_DIR" | "NODE_ENV">): Promise<MailSeal> {
  return new MailSeal(
    await loadSecretKeys({
      configured: config.MAIL_SEAL_KEY,
      variable: "MAIL_SEAL_KEY",
      dataDir: config.DATA_DIR,
      file: "mail-seal.key",
      production: config.NODE_ENV === "production",
    }),
  );
}
