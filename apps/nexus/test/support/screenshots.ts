import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** True while refreshing the pictures in docs/ (UPDATE_SCREENSHOTS=1). */
export const updatingScreenshots = (): boolean => process.env.UPDATE_SCREENSHOTS === "1";

/**
 * Where a test saves a screenshot: docs/<name> with UPDATE_SCREENSHOTS=1 (to refresh the picture the
 * README shows), else a temporary file, so a test run never dirties the checkout.
 */
export function screenshotPath(name: string): string {
  if (updatingScreenshots()) return fileURLToPath(new URL(`../../../../docs/${name}`, import.meta.url));
  return join(tmpdir(), `nexus-${name}`);
}
