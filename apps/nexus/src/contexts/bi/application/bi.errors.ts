import type { DomainError } from "@/shared/domain/result";

/** Every expected failure of the bi use cases (statuses and explanations: infrastructure/http/bi.problems.ts). */
export type BiErrorCode = "invalid-period" | "period-too-long";
export type BiError = DomainError<BiErrorCode>;
