import { defineErrorCatalog, type ProblemSpec } from "@/shared/infrastructure/http/error-catalog";
import type { PlatformProblemCode } from "@/shared/infrastructure/http/problem-catalog";
import type { BiErrorCode } from "../../application/bi.errors";

/**
 * The bi context's error catalogue: the ONE place a code gets its status (controllers, OpenAPI
 * responses and /problems pages derive from it). Leaving a BiErrorCode out fails to compile.
 */
export const biErrors = defineErrorCatalog({
  "invalid-period": {
    status: 422,
    title: "Invalid period",
    description: "`from` and `to` must be dates (YYYY-MM-DD) with `from` on or before `to`.",
  },
  "period-too-long": {
    status: 422,
    title: "Period too long",
    description: "The period is longer than BI answers in one request (about ten years); ask for a shorter one.",
  },
} as const satisfies Record<Exclude<BiErrorCode, PlatformProblemCode>, ProblemSpec>);
