/** What the server adapter knows about the connection that the Request itself does not carry. */
export interface ConnectionInfo {
  readonly remoteAddress?: string | undefined;
}

/**
 * Hono's `app.fetch(request, env)` fits this shape: the connection info arrives as Hono's `c.env`.
 */
export type FetchHandler = (request: Request, connection: ConnectionInfo) => Response | Promise<Response>;

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  /** How long `close()` lets in-flight requests run before cutting them off. */
  readonly shutdownTimeoutMs: number;
}

export interface HttpServer {
  /** Starts accepting connections; resolves with the bound port (useful with port 0). */
  listen(): Promise<{ port: number }>;
  /**
   * Stops accepting new connections, lets in-flight requests finish (bounded by the shutdown timeout),
   * then resolves.
   */
  close(): Promise<void>;
}
