import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  InvalidSigningKeysError,
  loadOrCreateKeyFile,
  loadSigningKeys,
  SigningKeySet,
} from "@/contexts/auth/infrastructure/security/signing-keys";
import { jwks, privateJwk } from "./key-fixtures";

describe("loadSigningKeys without JWT_PRIVATE_KEYS", () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "nexus-keys-"));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const config = () => ({ DATA_DIR: dataDir, NODE_ENV: "test" as const, JWT_PRIVATE_KEYS: undefined });

  it("generates a key on first start, persists it 0600 and reuses it on the next start", async () => {
    const first = await loadSigningKeys(config());
    const file = join(dataDir, "keys", "jwks.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await loadSigningKeys(config());
    expect(second.active.kid).toBe(first.active.kid);
    expect(second.publicJwks()).toEqual(first.publicJwks());
  });

  it("lets concurrent first starts agree on one key", async () => {
    const file = join(dataDir, "keys", "jwks.json");
    const sets = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateKeyFile(file)));
    const onDisk = await SigningKeySet.fromJwks(await readFile(file, "utf8"));
    expect(new Set(sets.map((s) => s.active.kid))).toEqual(new Set([onDisk.active.kid]));
  });

  it("refuses to invent keys in production", async () => {
    await expect(loadSigningKeys({ ...config(), NODE_ENV: "production" })).rejects.toBeInstanceOf(
      InvalidSigningKeysError,
    );
  });
});

describe("SigningKeySet from JWT_PRIVATE_KEYS", () => {
  it("signs with the first key and knows every key by kid", async () => {
    const keys = await SigningKeySet.fromJwks(jwks(await privateJwk("new"), await privateJwk("old")));
    expect(keys.active.kid).toBe("new");
    expect(keys.kids).toEqual(["new", "old"]);
    expect(keys.find("old")?.kid).toBe("old");
    expect(keys.find("other")).toBeUndefined();
  });

  it("publishes only public members, marked for signatures", async () => {
    const keys = await SigningKeySet.fromJwks(jwks(await privateJwk("k1")));
    const [published] = keys.publicJwks().keys;
    expect(published).toEqual({
      kty: "OKP",
      crv: "Ed25519",
      x: expect.any(String),
      kid: "k1",
      alg: "EdDSA",
      use: "sig",
    });
    expect(published).not.toHaveProperty("d");
  });

  it.each([
    ["not JSON", "{keys"],
    ["no keys", '{"keys":[]}'],
    ["not a set", "[]"],
  ])("rejects %s", async (_, json) => {
    await expect(SigningKeySet.fromJwks(json)).rejects.toBeInstanceOf(InvalidSigningKeysError);
  });

  it("rejects a key without kid, a public-only key, a foreign curve and duplicate kids", async () => {
    const { kid: _kid, ...noKid } = await privateJwk("x");
    const { d: _d, ...publicOnly } = await privateJwk("pub");
    const ok = await privateJwk("dup");
    for (const json of [
      jwks(noKid),
      jwks(publicOnly),
      jwks({ ...ok, crv: "Ed448" }),
      jwks({ kty: "oct", k: "c2VjcmV0", kid: "hmac" }),
      jwks(ok, { ...(await privateJwk("dup")) }),
    ]) {
      await expect(SigningKeySet.fromJwks(json)).rejects.toBeInstanceOf(InvalidSigningKeysError);
    }
  });
});
