import type { TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";
import type { DomainError } from "@/shared/domain/result";
import { PROBLEM_CONTENT_TYPE, problemResponse, type RequestLike } from "./problem";
import { type ProblemJson, problemSchema } from "./problem.schema";
import { PLATFORM_PROBLEMS, type PlatformProblemCode, type ProblemSpec } from "./problem-catalog";

export type { ProblemSpec } from "./problem-catalog";

/** What a context declares: every code its use cases (and its edge) can answer. */
export type ProblemTable = Readonly<Record<string, ProblemSpec>>;

type AnyCode<T extends ProblemTable> = (keyof T & string) | PlatformProblemCode;
type SpecOf<T extends ProblemTable, C> = C extends keyof T
  ? T[C]
  : C extends PlatformProblemCode
    ? (typeof PLATFORM_PROBLEMS)[C]
    : never;

/** The typed problem response of one error type, per status (distributes over a union of errors). */
export type ProblemResponseOf<T extends ProblemTable, E> =
  E extends DomainError<infer C>
    ? Response & TypedResponse<JSONParsed<ProblemJson>, SpecOf<T, C>["status"], "json">
    : never;

export interface ProblemResponseDoc {
  readonly description: string;
  readonly content: { readonly [PROBLEM_CONTENT_TYPE]: { readonly schema: typeof problemSchema } };
}

/**
 * A context's error catalogue (style 10): ONE table `code → {status, title, description}` from which
 * the Result → problem mapping (`problem`), each route's OpenAPI problem responses (`responses`) and
 * the `/problems/<code>` pages (`table`) are derived. A use case error whose code is in neither this
 * table nor the platform's (`not-found`, `forbidden`, `validation-failed`…) does not compile.
 */
export interface ErrorCatalog<T extends ProblemTable> {
  readonly table: T;
  /** The problem+json response for a use case's error: status, title from the table, detail = message, extra fields as extensions. */
  problem<E extends DomainError<AnyCode<T>>>(
    c: RequestLike,
    error: E,
    headers?: Readonly<Record<string, string>>,
  ): ProblemResponseOf<T, E>;
  /** OpenAPI responses for the codes a route answers (the context's or the platform's), grouped by status. */
  responses<const C extends AnyCode<T>>(...codes: C[]): { [K in C as SpecOf<T, K>["status"]]: ProblemResponseDoc };
}

export function defineErrorCatalog<const T extends ProblemTable>(table: T): ErrorCatalog<T> {
  const lookup = (code: string): ProblemSpec => {
    const spec = table[code] ?? PLATFORM_PROBLEMS[code as PlatformProblemCode];
    if (!spec) throw new Error(`problem code ${code} is in no catalogue`);
    return spec;
  };
  return {
    table,
    problem(c, error, headers) {
      const { code, message, ...extensions } = error;
      const spec = lookup(code);
      const response = problemResponse(c, {
        status: spec.status,
        code,
        title: spec.title,
        detail: message,
        extensions,
        ...(headers ? { headers } : {}),
      });
      // The one cast: a problem body is built by problemResponse, typed by the table's status.
      return response as ProblemResponseOf<T, typeof error>;
    },
    responses(...codes) {
      const byStatus = new Map<number, string[]>();
      for (const code of codes) {
        const spec = lookup(code);
        byStatus.set(spec.status, [...(byStatus.get(spec.status) ?? []), `\`${code}\` (${spec.title})`]);
      }
      const docs = [...byStatus].map(([status, lines]) => [
        status,
        { description: lines.join("; "), content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } },
      ]);
      return Object.fromEntries(docs) as never;
    },
  };
}
