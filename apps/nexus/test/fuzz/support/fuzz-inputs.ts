import fc from "fast-check";
import { Uuid } from "@/shared/domain/uuid.value-object";
import type { Operation } from "./openapi-walk";

/** One malformed (or, now and then, well-formed) request for an operation. */
export interface FuzzRequest {
  readonly method: string;
  readonly path: readonly string[];
  readonly query: readonly (readonly [string, string])[];
  readonly auth: AuthKind;
  readonly contentType?: string;
  readonly body?: string;
  /** What was varied, for the failure report. */
  readonly label: string;
}

/** What a request may borrow from the caller, so variants get past the guard and the tenant's 404s. */
export interface FuzzCaller {
  readonly accessToken: string;
  readonly organizationId: string;
  readonly userId: string;
}

const b64 = (text: string) => Buffer.from(text).toString("base64url");

const AUTH_KINDS = ["none", "garbage", "jwt-shaped", "huge"] as const;
type AuthKind = "valid" | (typeof AUTH_KINDS)[number];

// Values that broke, or could break, something below the edge; every parameter and field gets each.
const EDGE_STRINGS = ["\u0000", "a\u0000b", "x".repeat(20_000), "\uD800", "\u202Eevil\u202C", "👩‍👩‍👧‍👦🍞", ""];
const EDGE_BY_FORMAT: Readonly<Record<string, readonly string[]>> = {
  "date-time": [
    "0000-01-01T00:00:00Z",
    "-000001-01-01T00:00:00Z",
    "+275760-09-13T00:00:00.000Z",
    "9999-12-31T23:59:59.999Z",
    "2026-02-30T00:00:00Z",
  ],
  uuid: ["00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "{other}"],
};
const EDGE_BY_NAME: Readonly<Record<string, readonly string[]>> = {
  limit: ["0", "-1", "201", "1e3", "1.5", "99999999999999999999"],
  cursor: [
    b64('{"s":1e308}'),
    b64('{"s":-1}'),
    b64("999999999999999.01937a4c-5f1e-7c3a-9d2b-6e8f0a1b2c3d"),
    b64("0.00000000-0000-0000-0000-000000000000"),
    b64("\u0000"),
    "!!!",
  ],
};
const EDGE_VALUES: readonly unknown[] = [null, 1e308, -1, 2 ** 63, {}, [], true, { $gt: "" }, nested(64)];

const ODD_STRINGS = [
  ...EDGE_STRINGS,
  " ",
  "\u200F\u05E9\u05DC\u05D5\u05DD",
  "' OR '1'='1",
  "\\",
  "../../../etc/passwd",
  "%",
  "%00",
  "null",
  "NaN",
  "-1",
  "0",
  "1e309",
  "9".repeat(400),
  ...Object.values(EDGE_BY_FORMAT).flat(),
  ...Object.values(EDGE_BY_NAME).flat(),
];

const oddString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
);

const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: oddString },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_VALUES, 0, 1.5, [null]) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

const CONTENT_TYPES = [
  "application/json; charset=utf-16",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzz",
  "application/xml",
];

const RAW_BODIES = [
  "{",
  '{"a":}',
  "[1,2",
  "",
  "\u0000",
  "null",
  '"just a string"',
  "12",
  '{"__proto__":{"role":"owner"},"constructor":{"prototype":{"x":1}}}',
  `${"[".repeat(20_000)}${"]".repeat(20_000)}`,
  JSON.stringify({ f: "x".repeat(1_100_000) }),
];

function nested(depth: number): unknown {
  let value: unknown = "deep";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/**
 * The requests for `op`: a well-formed baseline (the caller's token and ids, a schema-shaped body),
 * then each parameter and body field set to every edge value, then `random` seeded variants that
 * change one to three things at once. Same seed, same requests.
 */
export function requestsFor(op: Operation, seed: number, random: number): FuzzRequest[] {
  const base: FuzzRequest = {
    method: op.method,
    path: op.pathParams.map((name) => (/user/i.test(name) ? "{user}" : "{org}")),
    query: [],
    auth: "valid",
    ...(op.sampleBody === undefined ? {} : { contentType: "application/json", body: JSON.stringify(op.sampleBody) }),
    label: "baseline",
  };
  const requests: FuzzRequest[] = [base];
  const mutations = mutationsOf(op);
  for (const mutation of mutations.edges) requests.push(mutation(base));
  const randomMutation = fc.oneof(...mutations.random);
  const combined = fc.array(randomMutation, { minLength: 1, maxLength: 3 });
  for (const chain of fc.sample(combined, { seed, numRuns: random })) {
    requests.push(chain.reduce((request, mutate) => mutate(request), base));
  }
  return requests;
}

type Mutation = (request: FuzzRequest) => FuzzRequest;

function mutationsOf(op: Operation): { edges: Mutation[]; random: fc.Arbitrary<Mutation>[] } {
  const edges: Mutation[] = [];
  const random: fc.Arbitrary<Mutation>[] = [];
  const note = (request: FuzzRequest, what: string): string =>
    request.label === "baseline" ? what : `${request.label}; ${what}`;

  const setPath =
    (i: number, value: string): Mutation =>
    (r) => ({
      ...r,
      path: r.path.map((v, j) => (j === i ? value : v)),
      label: note(r, `path ${op.pathParams[i]}=${show(value)}`),
    });
  op.pathParams.forEach((_, i) => {
    for (const value of [...EDGE_STRINGS, "{other}", "not-a-uuid"]) edges.push(setPath(i, value));
    random.push(oddString.map((value) => setPath(i, value)));
  });

  const setQuery =
    (name: string, value: string): Mutation =>
    (r) => ({
      ...r,
      query: [...r.query, [name, value]],
      label: note(r, `query ${name}=${show(value)}`),
    });
  for (const { name, schema } of op.queryParams) {
    const edgeValues = [...EDGE_STRINGS, ...(EDGE_BY_FORMAT[schema.format ?? ""] ?? []), ...(EDGE_BY_NAME[name] ?? [])];
    for (const value of edgeValues) edges.push(setQuery(name, value));
    random.push(fc.oneof(fc.constantFrom(...edgeValues), oddString).map((value) => setQuery(name, value)));
  }
  random.push(
    fc.tuple(fc.constantFrom("limit", "cursor", "zzz", "__proto__"), oddString).map(([k, v]) => setQuery(k, v)),
  );

  const setAuth =
    (auth: AuthKind): Mutation =>
    (r) => ({ ...r, auth, label: note(r, `auth=${auth}`) });
  for (const auth of AUTH_KINDS) edges.push(setAuth(auth));

  const setBody =
    (body: string, what: string): Mutation =>
    (r) => ({
      ...r,
      contentType: r.contentType ?? "application/json",
      body,
      label: note(r, what),
    });
  if (op.method !== "GET") {
    // fetch refuses a GET with a body; other operations without one must ignore or refuse it.
    for (const raw of RAW_BODIES) edges.push(setBody(raw, `raw body ${show(raw)}`));
    random.push(
      oddValue.map((value) => setBody(JSON.stringify(value) ?? "null", `body ${show(JSON.stringify(value))}`)),
    );
  }
  if (op.sampleBody !== undefined) {
    const fields = op.bodyFields;
    const withField =
      (field: string, value: unknown): Mutation =>
      (r) => {
        const current = safeParse(r.body) ?? {};
        return setBody(JSON.stringify({ ...current, [field]: value }), `${field}=${show(JSON.stringify(value))}`)(r);
      };
    for (const field of fields) {
      for (const value of [...EDGE_STRINGS, ...EDGE_VALUES]) edges.push(withField(field, value));
      edges.push((r) => {
        const { [field]: _dropped, ...rest } = safeParse(r.body) ?? {};
        return setBody(JSON.stringify(rest), `without ${field}`)(r);
      });
    }
    if (fields.length) random.push(fc.tuple(fc.constantFrom(...fields), oddValue).map(([f, v]) => withField(f, v)));
    const setType =
      (contentType: string | undefined): Mutation =>
      (r) => {
        const { contentType: _dropped, ...rest } = r;
        return { ...rest, ...(contentType ? { contentType } : {}), label: note(r, `content-type ${contentType}`) };
      };
    for (const type of [...CONTENT_TYPES, undefined]) edges.push(setType(type));
  }
  return { edges, random };
}

function safeParse(body: string | undefined): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body ?? "");
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const show = (value: string | undefined): string => JSON.stringify(value ?? "").slice(0, 60);

/** URL-encodes what encodeURIComponent refuses (lone surrogates) as the raw bytes a client could send. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

/** The request as sent: the caller's token and ids (or another tenant's, `{other}`) filled in. */
export function resolveFor(
  op: Operation,
  request: FuzzRequest,
  caller: FuzzCaller,
): { url: string; init: RequestInit & { headers: Record<string, string> } } {
  const fill = (value: string) =>
    value.replace("{org}", caller.organizationId).replace("{user}", caller.userId).replace("{other}", OTHER_TENANT_ID);
  let url = op.path;
  op.pathParams.forEach((name, i) => {
    url = url.replace(`{${name}}`, encode(fill(request.path[i] ?? "")));
  });
  if (request.query.length) url += `?${request.query.map(([k, v]) => `${encode(k)}=${encode(fill(v))}`).join("&")}`;
  const headers: Record<string, string> = { ...authHeader(request.auth, caller) };
  if (request.contentType) headers["content-type"] = request.contentType;
  return {
    url,
    init: { method: request.method, headers, ...(request.body === undefined ? {} : { body: request.body }) },
  };
}

const OTHER_TENANT_ID = Uuid.generate();

function authHeader(kind: AuthKind, caller: FuzzCaller): Record<string, string> {
  switch (kind) {
    case "valid":
      return { authorization: `Bearer ${caller.accessToken}` };
    case "none":
      return {};
    case "garbage":
      return { authorization: "Bearer garbage" };
    case "jwt-shaped":
      return { authorization: `Bearer ${b64('{"alg":"none"}')}.${b64('{"sub":"x","org":"y"}')}.` };
    case "huge":
      return { authorization: `Bearer ${"a".repeat(8_000)}` };
  }
}
