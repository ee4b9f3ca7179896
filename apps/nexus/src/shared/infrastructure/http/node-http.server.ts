import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { FetchHandler, HttpServer, HttpServerOptions } from "./http-server.port";

/** Node adapter (tests and `node` runs), on @hono/node-server. */
export class NodeHttpServer implements HttpServer {
  private server: Server | undefined;

  constructor(
    private readonly fetch: FetchHandler,
    private readonly options: HttpServerOptions,
  ) {}

  listen(): Promise<{ port: number }> {
    return new Promise((resolve, reject) => {
      const server = serve(
        {
          fetch: (request, env) => this.fetch(request, { remoteAddress: env.incoming.socket.remoteAddress }),
          hostname: this.options.host,
          port: this.options.port,
        },
        (info: AddressInfo) => resolve({ port: info.port }),
      ) as Server;
      server.once("error", reject);
      this.server = server;
    });
  }

  close(): Promise<void> {
    const server = this.server;
    if (!server?.listening) return Promise.resolve();
    return new Promise((resolve) => {
      // Connections that finish their last response go idle but stay open (keep-alive); sweep them.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => server.closeAllConnections(), this.options.shutdownTimeoutMs);
      server.close(() => {
        clearInterval(sweep);
        clearTimeout(deadline);
        resolve();
      });
      server.closeIdleConnections();
    });
  }
}
