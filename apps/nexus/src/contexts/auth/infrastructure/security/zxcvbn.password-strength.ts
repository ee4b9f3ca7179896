import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import type { PasswordStrengthEstimator } from "../../application/ports/password-strength.port";

/**
 * The estimator's cost grows steeply with length (a 128-character password of repeats takes seconds),
 * so it scores the first 32 characters: a password whose first 32 characters are guessable is refused,
 * and past 32 strong characters length is strength enough. Keeps one request's CPU bounded.
 */
export const ESTIMATED_PREFIX_LENGTH = 32;

/**
 * zxcvbn-ts with the common and English dictionaries. Built on first use: loading the dictionaries
 * takes ~0.2 s, which start-up should not pay when nobody sets a password.
 */
export class ZxcvbnPasswordStrength implements PasswordStrengthEstimator {
  private factory: ZxcvbnFactory | undefined;

  score(password: string, userInputs: readonly string[]): number {
    this.factory ??= new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
      maxLength: ESTIMATED_PREFIX_LENGTH,
    });
    return this.factory.check(password, [...userInputs]).score;
  }
}
