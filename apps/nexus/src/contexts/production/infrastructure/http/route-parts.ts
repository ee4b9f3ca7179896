import { z } from "@hono/zod-openapi";
import { BEARER_AUTH } from "@/contexts/auth/contracts/auth-guard";

/** `Idempotency-Key` on document-creating POSTs: a replay with the same key and body returns the stored response. */
export const IDEMPOTENCY_HEADER = z.object({
  "idempotency-key": z
    .string()
    .max(255)
    .optional()
    .openapi({ description: "Same key and body → the stored response; another body → 422; still running → 409" }),
});

/** What every production route shares: its tag, the bearer scheme and its operation id. */
export const base = (operationId: string) => ({ tags: ["production"], security: BEARER_AUTH, operationId });
