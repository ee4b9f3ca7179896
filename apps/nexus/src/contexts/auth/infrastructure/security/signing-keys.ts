import { randomUUID } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { Config } from "@/shared/infrastructure/config/config.schema";

export const SIGNING_ALGORITHM = "EdDSA";

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** Public members only, as served at `/.well-known/jwks.json`. */
  readonly publicJwk: JWK;
}

export class InvalidSigningKeysError extends Error {
  override readonly name = "InvalidSigningKeysError";
}

/**
 * Ed25519 keys: the first signs, every one verifies. Rotation is configuration: put the new key first,
 * keep the old one after it for longer than an access token lives, then remove it.
 */
export class SigningKeySet {
  private readonly byKid: ReadonlyMap<string, SigningKey>;

  private constructor(private readonly keys: readonly [SigningKey, ...SigningKey[]]) {
    this.byKid = new Map(keys.map((key) => [key.kid, key]));
  }

  /** From a JWK set JSON `{"keys":[...]}` of private Ed25519 JWKs, each with a `kid`. */
  static async fromJwks(json: string): Promise<SigningKeySet> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new InvalidSigningKeysError('JWT_PRIVATE_KEYS is not JSON (expected {"keys":[...]})');
    }
    const jwks = (parsed as { keys?: unknown } | null)?.keys;
    if (!Array.isArray(jwks) || jwks.length === 0) {
      throw new InvalidSigningKeysError('JWT_PRIVATE_KEYS must be a JWK set {"keys":[...]} with at least one key');
    }
    const keys = await Promise.all(jwks.map((jwk: unknown, index) => importPrivateJwk(jwk, index)));
    if (new Set(keys.map((k) => k.kid)).size !== keys.length) {
      throw new InvalidSigningKeysError("JWT_PRIVATE_KEYS has two keys with the same kid");
    }
    return new SigningKeySet(keys as [SigningKey, ...SigningKey[]]);
  }

  /** A fresh key whose kid is its RFC 7638 thumbprint. Returns the set and its private JWK set JSON. */
  static async generate(): Promise<{ keys: SigningKeySet; json: string }> {
    const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { crv: "Ed25519", extractable: true });
    const jwk = await exportJWK(privateKey);
    const kid = await calculateJwkThumbprint(jwk);
    const json = JSON.stringify({ keys: [{ ...jwk, kid, alg: SIGNING_ALGORITHM, use: "sig" }] });
    return { keys: await SigningKeySet.fromJwks(json), json };
  }

  /** The key that signs new tokens. */
  get active(): SigningKey {
    return this.keys[0];
  }

  find(kid: string): SigningKey | undefined {
    return this.byKid.get(kid);
  }

  get kids(): readonly string[] {
    return this.keys.map((k) => k.kid);
  }

  /** The body of `/.well-known/jwks.json`: public parts only. */
  publicJwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => ({ ...k.publicJwk })) };
  }
}

async function importPrivateJwk(value: unknown, index: number): Promise<SigningKey> {
  const where = `JWT_PRIVATE_KEYS key #${index + 1}`;
  if (typeof value !== "object" || value === null) throw new InvalidSigningKeysError(`${where} is not a JWK`);
  const jwk = value as JWK;
  if (typeof jwk.kid !== "string" || jwk.kid === "") throw new InvalidSigningKeysError(`${where} has no kid`);
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string" || typeof jwk.d !== "string") {
    throw new InvalidSigningKeysError(
      `${where} (kid ${jwk.kid}) must be a private Ed25519 JWK (kty OKP, crv Ed25519, x, d)`,
    );
  }
  if (jwk.alg !== undefined && jwk.alg !== SIGNING_ALGORITHM && jwk.alg !== "Ed25519") {
    throw new InvalidSigningKeysError(`${where} (kid ${jwk.kid}) has alg ${jwk.alg}; expected ${SIGNING_ALGORITHM}`);
  }
  const publicJwk: JWK = { kty: "OKP", crv: "Ed25519", x: jwk.x, kid: jwk.kid, alg: SIGNING_ALGORITHM, use: "sig" };
  try {
    const { alg: _alg, use: _use, key_ops: _ops, ext: _ext, ...material } = jwk;
    const privateKey = (await importJWK(material, SIGNING_ALGORITHM)) as CryptoKey;
    const publicKey = (await importJWK({ kty: "OKP", crv: "Ed25519", x: jwk.x }, SIGNING_ALGORITHM)) as CryptoKey;
    return { kid: jwk.kid, privateKey, publicKey, publicJwk };
  } catch (error) {
    throw new InvalidSigningKeysError(`${where} (kid ${jwk.kid}) cannot be imported`, { cause: error });
  }
}

/**
 * `JWT_PRIVATE_KEYS` when set; otherwise (never in production) a key generated on first start and kept
 * in `${DATA_DIR}/keys/jwks.json` (0600) so tokens survive restarts.
 */
export async function loadSigningKeys(
  config: Pick<Config, "JWT_PRIVATE_KEYS" | "DATA_DIR" | "NODE_ENV">,
): Promise<SigningKeySet> {
  if (config.JWT_PRIVATE_KEYS) return SigningKeySet.fromJwks(config.JWT_PRIVATE_KEYS);
  if (config.NODE_ENV === "production") throw new InvalidSigningKeysError("JWT_PRIVATE_KEYS is required in production");
  return loadOrCreateKeyFile(join(config.DATA_DIR, "keys", "jwks.json"));
}

/**
 * Concurrent first starts (two processes, one DATA_DIR): each writes its own temporary file, then
 * `link` publishes it atomically and fails with EEXIST for the loser, which reads the winner's file.
 * Readers never see a half-written file.
 */
export async function loadOrCreateKeyFile(path: string): Promise<SigningKeySet> {
  const existing = await readFile(path, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (existing !== null) return SigningKeySet.fromJwks(existing);

  const dir = join(path, "..");
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { keys, json } = await SigningKeySet.generate();
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, json, { mode: 0o600, flag: "wx" });
    await link(temporary, path);
    return keys;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return SigningKeySet.fromJwks(await readFile(path, "utf8"));
  } finally {
    await rm(temporary, { force: true });
  }
}
