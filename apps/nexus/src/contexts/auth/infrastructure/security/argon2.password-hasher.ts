import { randomBytes } from "node:crypto";
import { type Algorithm, hash, parseOptions, type Version, verify } from "@node-rs/argon2";
import type { PasswordHasher } from "../../application/ports/password-hasher.port";

export interface Argon2Params {
  /** KiB of memory per hash. */
  readonly memoryCost: number;
  /** Passes over the memory. */
  readonly timeCost: number;
  readonly parallelism: number;
}

/** The floor of spec §4 (OWASP's argon2id recommendation): m = 19 MiB, t = 2, p = 1. */
export const ARGON2_MINIMUM: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// Const enums in the typings, unusable under isolatedModules: Argon2id = 2, version 0x13 = 1.
const ARGON2ID = 2 as Algorithm;
const V0X13 = 1 as Version;

/**
 * argon2id through @node-rs/argon2. The async functions run on the libuv thread pool, so hashing
 * never blocks the event loop.
 */
export class Argon2PasswordHasher implements PasswordHasher {
  private readonly dummyHash: Promise<string>;

  constructor(private readonly params: Argon2Params = ARGON2_MINIMUM) {
    if (
      params.memoryCost < ARGON2_MINIMUM.memoryCost ||
      params.timeCost < ARGON2_MINIMUM.timeCost ||
      params.parallelism !== ARGON2_MINIMUM.parallelism
    ) {
      throw new RangeError("argon2id parameters below the minimum (m ≥ 19456 KiB, t ≥ 2, p = 1)");
    }
    // A hash of a random secret with today's parameters: verifying against it costs what a real
    // verify costs, and nothing can ever match it.
    this.dummyHash = this.hash(randomBytes(32).toString("base64url"));
    this.dummyHash.catch(() => {});
  }

  hash(plain: string): Promise<string> {
    return hash(plain, { ...this.params, algorithm: ARGON2ID, version: V0X13 });
  }

  async verify(stored: string, plain: string): Promise<boolean> {
    try {
      return await verify(stored, plain);
    } catch {
      return false; // not a PHC string we can read: it cannot match
    }
  }

  needsRehash(stored: string): boolean {
    try {
      const used = parseOptions(stored);
      return (
        used.algorithm !== ARGON2ID ||
        used.version !== V0X13 ||
        used.memoryCost < this.params.memoryCost ||
        used.timeCost < this.params.timeCost ||
        used.parallelism !== this.params.parallelism
      );
    } catch {
      return true;
    }
  }

  async verifyDummy(plain: string): Promise<void> {
    await verify(await this.dummyHash, plain);
  }
}
