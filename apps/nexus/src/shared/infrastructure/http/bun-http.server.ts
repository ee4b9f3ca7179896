import type { FetchHandler, HttpServer, HttpServerOptions } from "./http-server.port";

type BunServer = ReturnType<typeof Bun.serve>;

/** Bun adapter (production runtime). Only this file touches `Bun.serve`. */
export class BunHttpServer implements HttpServer {
  private server: BunServer | undefined;

  constructor(
    private readonly fetch: FetchHandler,
    private readonly options: HttpServerOptions,
  ) {}

  async listen(): Promise<{ port: number }> {
    if (typeof Bun === "undefined") throw new Error("BunHttpServer needs the Bun runtime");
    this.server = Bun.serve({
      hostname: this.options.host,
      port: this.options.port,
      development: false,
      fetch: (request, server) => this.fetch(request, { remoteAddress: server.requestIP(request)?.address }),
      // Last resort only: the app maps its own errors. Never leak Bun's error page.
      error: () =>
        new Response(JSON.stringify({ title: "Internal server error", status: 500 }), {
          status: 500,
          headers: { "content-type": "application/problem+json" },
        }),
    });
    return { port: this.server.port ?? this.options.port };
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const graceful = server.stop(false);
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), this.options.shutdownTimeoutMs);
    });
    const outcome = await Promise.race([graceful, timedOut]);
    clearTimeout(timer);
    if (outcome === "timeout") await server.stop(true);
  }
}
