/**
 * A list's cursor carries the list's name: `<list>|<position>`, base64url. Lists whose positions have
 * the same shape (an id, a time and an id) would otherwise page from another list's position; with
 * the name, a cursor given to a list that did not issue it is refused like any other (ADR 0008).
 */
export const ListCursor = {
  seal(list: string, position: string): string {
    return Buffer.from(`${list}|${position}`, "utf8").toString("base64url");
  },

  /** The position, or null when the cursor was not issued by `list`. */
  open(list: string, cursor: string): string | null {
    const text = Buffer.from(cursor, "base64url").toString("utf8");
    const prefix = `${list}|`;
    return text.startsWith(prefix) ? text.slice(prefix.length) : null;
  },
};
