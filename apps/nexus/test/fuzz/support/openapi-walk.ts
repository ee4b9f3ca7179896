import { Uuid } from "@/shared/domain/uuid.value-object";

/** The parts of an OpenAPI 3.1 document the fuzzer reads. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OperationObject>>;
  readonly components?: { readonly schemas?: Record<string, JsonSchema> };
}

interface OperationObject {
  readonly operationId?: string;
  readonly security?: readonly Record<string, unknown>[];
  readonly parameters?: readonly { name: string; in: string; schema?: JsonSchema }[];
  readonly requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export type JsonSchema = {
  readonly $ref?: string;
  readonly type?: string | readonly string[];
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly format?: string;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly minLength?: number;
  readonly minimum?: number;
};

export interface Operation {
  readonly method: string;
  /** The template, e.g. `/api/v1/organizations/{id}/members`. */
  readonly path: string;
  readonly name: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly { name: string; schema: JsonSchema }[];
  /** A body that satisfies the schema's shape (types, enums, formats), or undefined without a body. */
  readonly sampleBody: unknown;
  readonly bodyFields: readonly string[];
  readonly secured: boolean;
}

const METHODS = new Set(["get", "post", "put", "patch", "delete"]);

/** Every operation of the document, in document order (so a seeded run is the same run). */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      const params = op.parameters ?? [];
      const bodySchema = op.requestBody?.content?.["application/json"]?.schema;
      const body = bodySchema ? sample(doc, bodySchema, 0) : undefined;
      operations.push({
        method: method.toUpperCase(),
        path,
        name: `${method.toUpperCase()} ${path}`,
        pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
        queryParams: params.filter((p) => p.in === "query").map((p) => ({ name: p.name, schema: p.schema ?? {} })),
        sampleBody: body,
        bodyFields: body && typeof body === "object" && !Array.isArray(body) ? Object.keys(body) : [],
        secured: (op.security ?? []).some((requirement) => Object.keys(requirement).length > 0),
      });
    }
  }
  return operations;
}

function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  return doc.components?.schemas?.[name] ?? {};
}

/** A plausible value of `schema`, so mutations of one field reach past the validation of the others. */
export function sample(doc: OpenApiDocument, raw: JsonSchema, depth: number): unknown {
  const schema = resolve(doc, raw);
  if (depth > 8) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  if (variant) return sample(doc, variant, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sample(doc, value, depth + 1)]),
      );
    case "array":
      return schema.items ? [sample(doc, schema.items, depth + 1)] : [];
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return true;
    case "string":
      return sampleString(schema);
    default:
      return null;
  }
}

function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case "email":
      return `fuzz-${Uuid.generate().slice(-8)}@example.com`;
    case "uuid":
      return Uuid.generate();
    case "date-time":
      return new Date().toISOString();
    case "password":
      return "Sourdough-starter-at-4am";
    default:
      return "x".repeat(Math.max(schema.minLength ?? 1, 3));
  }
}
