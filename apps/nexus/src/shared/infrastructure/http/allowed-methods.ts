interface RouteLike {
  readonly method: string;
  readonly path: string;
}

interface CompiledRoute {
  readonly method: string;
  readonly pattern: RegExp;
}

/**
 * Hono answers an unrouted method like an unknown path; this tells them apart so the edge can say
 * 405 with `Allow`. Recompiled whenever routes were added since the last look.
 */
export class AllowedMethods {
  private compiled: CompiledRoute[] = [];
  private compiledCount = -1;

  constructor(private readonly routes: () => readonly RouteLike[]) {}

  for(path: string): string[] {
    const routes = this.routes();
    if (routes.length !== this.compiledCount) {
      this.compiled = routes
        .filter((r) => r.method !== "ALL")
        .map((r) => ({ method: r.method, pattern: compile(r.path) }));
      this.compiledCount = routes.length;
    }
    const methods = new Set(this.compiled.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods].sort();
  }
}

/** Hono path syntax: `:name`, `:name{regex}`, `:name?`, `*`. */
function compile(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => {
      if (segment === "*") return "/.*";
      const param = /^:[\w-]+(\{(.+)\})?(\?)?$/.exec(segment);
      if (param) return `${param[3] ? "(?:/" : "/"}${param[2] ? `(?:${param[2]})` : "[^/]+"}${param[3] ? ")?" : ""}`;
      return segment === "" ? "" : `/${escapeRegExp(segment)}`;
    })
    .join("");
  return new RegExp(`^${source || "/"}$`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
