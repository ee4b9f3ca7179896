import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where a test saves a screenshot: docs/<name> with UPDATE_SCREENSHOTS=1 (to refresh the picture the
 * README shows), else a temporary file, so a test run never dirties the checkout.
 */
export function screenshotPath(name: string): string {
  if (process.env.UPDATE_SCREENSHOTS === "1")
    return fileURLToPath(new URL(`../../../../docs/${name}`, import.meta.url));
  return join(tmpdir(), `nexus-${name}`);
}
