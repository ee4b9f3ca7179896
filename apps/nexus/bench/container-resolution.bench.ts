// What the DI container adds to a request: a request scope, one scoped use case resolved from it, the
// scope disposed — against building the same use case with `new` from the singleton deps.
// Run from apps/nexus:  ../../node_modules/.bin/bun bench/container-resolution.bench.ts [--iterations=1000000]
// Prints figures only (ns per request and its share of a request budget); nothing is asserted.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApplication } from "@/app/composition-root";
import { GetMeUseCase } from "@/contexts/auth/application/use-cases/get-me.use-case";
import { ListMyOrganizationsUseCase } from "@/contexts/auth/application/use-cases/list-my-organizations.use-case";
import { LoginUseCase } from "@/contexts/auth/application/use-cases/login.use-case";
import { AuthTokens } from "@/contexts/auth/infrastructure/auth.tokens";
import { loadConfig } from "@/shared/infrastructure/config/load-config";
import { createLogger } from "@/shared/infrastructure/logging/logger";

const iterations = Number(process.argv.find((a) => a.startsWith("--iterations="))?.split("=")[1] ?? 1_000_000);

async function timeNs(label: string, run: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20_000; i++) await run(); // warm up the JIT
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await run();
  const ns = Number(process.hrtime.bigint() - start) / iterations;
  console.log(`${label.padEnd(58)} ${ns.toFixed(0).padStart(6)} ns/request`);
  return ns;
}

const dataDir = await mkdtemp(join(tmpdir(), "nexus-bench-di-"));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", RELAY_ENABLED: "false" });
const app = await createApplication(config, { logger: createLogger(config) });
try {
  const { container } = app;
  const deps = container.resolve(AuthTokens.Deps);
  console.log(
    `container resolution (${iterations.toLocaleString("en")} iterations, ${process.versions.bun ? "bun" : "node"})`,
  );
  const baseline = await timeNs("new LoginUseCase(deps)  (no container)", () => new LoginUseCase(deps));
  const scoped = await timeNs("createScope → useCase(LoginUseCase) → dispose", async () => {
    const scope = container.createScope();
    scope.useCase(LoginUseCase, AuthTokens.Deps);
    await scope.dispose();
  });
  const two = await timeNs("createScope → resolve 2 use cases → dispose", async () => {
    const scope = container.createScope();
    scope.useCase(GetMeUseCase, AuthTokens.Deps);
    scope.useCase(ListMyOrganizationsUseCase, AuthTokens.Deps);
    await scope.dispose();
  });
  const overhead = scoped - baseline;
  // 50k req/s (pgbench -S on this machine) leaves 20 µs per request for everything.
  console.log(
    `overhead of the container per request: ${overhead.toFixed(0)} ns (${((overhead / 20_000) * 100).toFixed(2)} % of a 20 µs request)`,
  );
  console.log(`two use cases in one scope: ${two.toFixed(0)} ns`);
} finally {
  await app.stop();
  await rm(dataDir, { recursive: true, force: true });
}
