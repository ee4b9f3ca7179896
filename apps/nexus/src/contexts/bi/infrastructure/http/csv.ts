/**
 * RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) are prefixed with
 * an apostrophe unless they are plain numbers, so an exported product name cannot execute anything.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `${[header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  // Money and quantities know their JSON form (a number of minor units, an exact decimal string).
  const plain = typeof value === "object" && "toJSON" in value ? (value as { toJSON(): unknown }).toJSON() : value;
  let text = typeof plain === "object" ? JSON.stringify(plain) : String(plain);
  if (/^[=+\-@\t\r]/.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function wantsCsv(accept: string | undefined): boolean {
  return (accept ?? "").toLowerCase().includes("text/csv");
}

export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
