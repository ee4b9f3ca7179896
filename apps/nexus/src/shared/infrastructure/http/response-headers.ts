import type { Context } from "hono";

/**
 * Sets headers on the response in one go. Responses we build are mutable; one from `fetch` or
 * `Response.redirect` is not, so it is copied once instead of once per header.
 */
export function setResponseHeaders(c: Context, headers: Readonly<Record<string, string>>): void {
  try {
    apply(c.res.headers, headers);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    c.res = new Response(c.res.body, c.res);
    apply(c.res.headers, headers);
  }
}

function apply(target: Headers, headers: Readonly<Record<string, string>>): void {
  for (const name in headers) target.set(name, headers[name] as string);
}
