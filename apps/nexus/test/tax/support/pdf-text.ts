import { execFileSync } from "node:child_process";

/** The text poppler's pdftotext extracts from a PDF, with runs of whitespace collapsed. */
export function pdfText(pdf: Uint8Array): string {
  return execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf, encoding: "utf8" }).replace(/\s+/g, " ");
}
