import type { Context } from "hono";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { parsePathId } from "@/shared/infrastructure/http/path-id";
import { notFound } from "../../application/auth.errors";
import { authErrors } from "./auth.problems";

const notFoundProblem = (c: Context, what: string) => authErrors.problem(c, notFound(what));

/**
 * The guard of the /organizations/{id}/… routes: the path's ids (`id`, and `userId` or `invitationId`
 * beside it) as UUIDv7s, then `handle`. An id that is not a UUIDv7 names nothing and answers 404
 * `<what> not found`, exactly like an organization the caller is not a member of. That membership is
 * the use cases' check (the caller's row in the path organization, not the token's `org`).
 */
export async function inOrganizationPath<const P extends { readonly id: string }, R>(
  c: Context,
  params: P,
  what: "organization" | "member" | "invitation",
  handle: (ids: { [K in keyof P]: Uuid }) => Promise<R>,
): Promise<R | ReturnType<typeof notFoundProblem>> {
  const ids: Record<string, Uuid> = {};
  for (const [name, value] of Object.entries(params)) {
    const id = parsePathId(value);
    if (!id) return notFoundProblem(c, what);
    ids[name] = id;
  }
  return handle(ids as { [K in keyof P]: Uuid });
}
