import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Validates a UBL 2.1 document with xmllint against the OASIS schemas. No registry package ships
 * them, so this runs only where UBL21_XSD_DIR points at the `xsd/` folder of the OASIS UBL 2.1
 * release; returns false when it did not run.
 */
/** Whether UBL21_XSD_DIR points at the OASIS schemas, so `validateUbl21` can run. */
export const ubl21SchemasAvailable = (): boolean => Boolean(process.env.UBL21_XSD_DIR);

export function validateUbl21(xml: string, root: "Invoice" | "CreditNote"): boolean {
  const dir = process.env.UBL21_XSD_DIR;
  if (!dir) return false;
  const file = join(mkdtempSync(join(tmpdir(), "ubl-")), `${root}.xml`);
  writeFileSync(file, xml);
  execFileSync("xmllint", ["--noout", "--schema", join(dir, "maindoc", `UBL-${root}-2.1.xsd`), file], {
    stdio: "pipe",
  });
  return true;
}
