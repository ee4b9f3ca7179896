import { createServer, type Server, Socket } from "node:net";

/** A TCP forwarder a test can stop and restart on the same port, to play an outage of a real server. */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  private constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  static async start(host: string, port: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(host, port);
    await proxy.restart();
    return proxy;
  }

  async restart(): Promise<void> {
    const server = createServer((downstream) => {
      const upstream = new Socket();
      for (const s of [downstream, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {
          downstream.destroy();
          upstream.destroy();
        });
      }
      upstream.connect(this.targetPort, this.host);
      downstream.pipe(upstream).pipe(downstream);
    });
    // Rejects rather than hangs if the port was taken meanwhile (restart reuses it).
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", resolve);
    });
    const address = server.address();
    if (address && typeof address === "object") this.port = address.port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
