/** The list of common passwords shipped with the project (loaded once by infrastructure). */
export interface CommonPasswordList {
  /** Case-insensitive membership test. */
  contains(password: string): boolean;
}
