/** A password-strength estimator (zxcvbn's scale: 0 = trivially guessable … 4 = very unguessable). */
export interface PasswordStrengthEstimator {
  /** `userInputs` (the account's email, name) make guesses built from them score low. */
  score(password: string, userInputs: readonly string[]): number;
}
