import { BunHttpServer } from "./bun-http.server";
import type { FetchHandler, HttpServer, HttpServerOptions } from "./http-server.port";
import { NodeHttpServer } from "./node-http.server";

/** Bun.serve when running under Bun (production), @hono/node-server otherwise (Node, tests). */
export function createHttpServer(fetch: FetchHandler, options: HttpServerOptions): HttpServer {
  return typeof Bun !== "undefined" ? new BunHttpServer(fetch, options) : new NodeHttpServer(fetch, options);
}
