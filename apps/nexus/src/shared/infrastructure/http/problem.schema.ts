import { z } from "@hono/zod-openapi";
import { PROBLEM_CONTENT_TYPE, problemTitle } from "./problem";
import { PLATFORM_PROBLEMS } from "./problem-catalog";

/** The RFC 9457 body as documented in OpenAPI; controllers reference it in their route definitions. */
export const problemSchema = z
  .object({
    type: z.string().openapi({ example: "/problems/validation-failed" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().openapi({ example: "/api/v1/production/orders" }),
    code: z.string(),
    traceId: z.string().nullable().openapi({ example: "4bf92f3577b34da6a3ce929d0e0e4736" }),
    errors: z.array(z.object({ pointer: z.string(), message: z.string() })).optional(),
  })
  .passthrough()
  .openapi("Problem");

/** A problem body as handlers' typed responses see it. */
export type ProblemJson = z.infer<typeof problemSchema>;

/**
 * Problem responses for a route's `responses`, e.g. `...problemResponses(401, 404, 422)`.
 * Statuses every route can answer (400, 413, 415, 500, 503) are worth listing on routes with a body.
 */
export function problemResponses<const S extends number>(
  ...statuses: S[]
): Record<S, { description: string; content: { [PROBLEM_CONTENT_TYPE]: { schema: typeof problemSchema } } }> {
  const entries = statuses.map((status) => {
    const code = Object.entries(PLATFORM_PROBLEMS).find(([, info]) => info.status === status)?.[0];
    const description = code ? problemTitle(code) : `Error ${status}`;
    return [status, { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } }];
  });
  return Object.fromEntries(entries);
}
