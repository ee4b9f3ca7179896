import type { DomainError } from "@/shared/domain/result";

/**
 * Every expected failure of the bi use cases, with its HTTP mapping and explanation in one place
 * (the controllers, the OpenAPI responses and the /problems pages derive from it).
 */
export const BI_ERRORS = {
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
} as const;

export type BiErrorCode = keyof typeof BI_ERRORS;
export type BiError = DomainError<BiErrorCode>;
