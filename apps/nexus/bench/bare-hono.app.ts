// The baseline for the HTTP benchmark: the smallest Hono app on the same runtime (Bun.serve) as Nexus,
// so the ratio measures only what Nexus's middleware stack costs. Started by bench/run-all.mjs with PORT.
import { Hono } from "hono";

const app = new Hono();
app.get("/health/live", (c) => c.json({ status: "ok" }));

// development: false as in Nexus's BunHttpServer, so both get the same Bun.serve mode.
const server = Bun.serve({
  hostname: "127.0.0.1",
  port: Number(process.env.PORT ?? 3000),
  development: false,
  fetch: app.fetch,
});

const stop = () => {
  server.stop(true);
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
