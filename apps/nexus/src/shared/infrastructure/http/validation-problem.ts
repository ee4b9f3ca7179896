import type { ZodError } from "zod";
import type { FieldError, RequestLike } from "./problem";
import { problemResponse } from "./problem";

const WHERE: Readonly<Record<string, string>> = {
  json: "The request body is invalid.",
  form: "The request body is invalid.",
  query: "The query string is invalid.",
  param: "The path parameters are invalid.",
  header: "The request headers are invalid.",
  cookie: "The request cookies are invalid.",
};

/** RFC 6901: `~` and `/` inside a key are escaped. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ pointer: jsonPointer(issue.path), message: issue.message }));
}

/** 422 `validation-failed` with one entry per invalid field; pointers are relative to the validated part. */
export function validationProblem(c: RequestLike, error: ZodError, target: string): Response {
  return problemResponse(c, {
    status: 422,
    code: "validation-failed",
    detail: WHERE[target] ?? "The request is invalid.",
    errors: fieldErrors(error),
  });
}

/** The OpenAPIHono `defaultHook`: every route's Zod validation failure becomes the 422 problem. */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target: string },
  c: RequestLike,
): Response | undefined {
  return result.success ? undefined : validationProblem(c, result.error, result.target);
}
