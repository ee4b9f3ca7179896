import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult, type IViolation } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";

// The architecture check (spec §2) is only a gate if it fails: every fixture under
// test/fixtures/architecture breaks one rule with one import, and must be reported by that rule alone.

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const configFile = join(appDir, ".dependency-cruiser.cjs");
const fixturesDir = join(appDir, "test/fixtures/architecture");

type Expected = { readonly rule: string; readonly from: string; readonly to: RegExp };

const brokenFixtures: Record<string, Expected> = {
  "no-circular": {
    rule: "no-circular",
    from: "src/shared/infrastructure/outbox/outbox.ts",
    to: /^src\/shared\/infrastructure\/outbox\/relay\.ts$/,
  },
  "not-to-test-files": {
    rule: "not-to-test-files",
    from: "src/shared/infrastructure/clock.ts",
    to: /^test\/support\/fixed-clock\.ts$/,
  },
  "not-to-test-files-beside-code": {
    rule: "not-to-test-files",
    from: "src/shared/infrastructure/clock.ts",
    to: /clock\.spec\.ts$/,
  },
  "only-app-imports-app": {
    rule: "only-app-imports-app",
    from: "src/contexts/auth/infrastructure/auth.module.ts",
    to: /^src\/app\/composition-root\.ts$/,
  },
  "contexts-only-through-contracts": {
    rule: "contexts-only-through-contracts",
    from: "src/contexts/tax/application/issue-invoice.use-case.ts",
    to: /^src\/contexts\/auth\/domain\/user\.entity\.ts$/,
  },
  "contexts-only-through-contracts-tables": {
    rule: "contexts-only-through-contracts",
    from: "src/contexts/tax/infrastructure/drizzle-invoice.repository.ts",
    to: /^src\/contexts\/production\/infrastructure\/product\.table\.ts$/,
  },
  "shared-not-to-contexts": {
    rule: "shared-not-to-contexts",
    from: "src/shared/infrastructure/http/http-app.ts",
    to: /^src\/contexts\/auth\/contracts\//,
  },
  "shared-kernel-imports-only-itself": {
    rule: "shared-kernel-imports-only-itself",
    from: "src/shared/domain/uuid.value-object.ts",
    to: /^crypto$/,
  },
  "shared-kernel-imports-only-itself-platform": {
    rule: "shared-kernel-imports-only-itself",
    from: "src/shared/domain/domain-event.ts",
    to: /^src\/shared\/infrastructure\/logging\/logger\.ts$/,
  },
  "domain-not-to-outer-layers": {
    rule: "domain-not-to-outer-layers",
    from: "src/contexts/production/domain/production-order.entity.ts",
    to: /^src\/contexts\/production\/application\//,
  },
  "application-not-to-infrastructure": {
    rule: "application-not-to-infrastructure",
    from: "src/contexts/auth/application/register-user.use-case.ts",
    to: /^src\/contexts\/auth\/infrastructure\//,
  },
  "application-not-to-shared-infrastructure": {
    rule: "application-not-to-infrastructure",
    from: "src/contexts/auth/application/register-user.use-case.ts",
    to: /^src\/shared\/infrastructure\/database\/unit-of-work\.ts$/,
  },
  "domain-is-pure-npm": {
    rule: "domain-is-pure",
    from: "src/contexts/tax/domain/invoice.entity.ts",
    to: /node_modules\/hono\//,
  },
  "domain-is-pure-zod-type": {
    rule: "domain-is-pure",
    from: "src/contexts/tax/domain/invoice.entity.ts",
    to: /node_modules\/zod\//,
  },
  "domain-is-pure-node": {
    rule: "domain-is-pure",
    from: "src/contexts/tax/domain/invoice-number.value-object.ts",
    to: /^crypto$/,
  },
  "domain-is-pure-bun": {
    rule: "domain-is-pure",
    from: "src/contexts/tax/domain/invoice.entity.ts",
    to: /node_modules\/@types\/bun\//,
  },
  "domain-is-pure-contracts": {
    rule: "domain-is-pure",
    from: "src/contexts/tax/domain/invoice.entity.ts",
    to: /^src\/contexts\/production\/contracts\//,
  },
  "application-imports-only-domain-and-contracts": {
    rule: "application-imports-only-domain-and-contracts",
    from: "src/contexts/bi/application/refresh-dashboard.use-case.ts",
    to: /node_modules\/drizzle-orm\//,
  },
  "application-imports-only-domain-and-contracts-node": {
    rule: "application-imports-only-domain-and-contracts",
    from: "src/contexts/bi/application/export-report.use-case.ts",
    to: /^fs\/promises$/,
  },
  "contracts-import-only-contracts-kernel-and-zod": {
    rule: "contracts-import-only-contracts-kernel-and-zod",
    from: "src/contexts/production/contracts/product.contract.ts",
    to: /node_modules\/@hono\/zod-openapi\//,
  },
  "contracts-import-only-contracts-kernel-and-zod-domain": {
    rule: "contracts-import-only-contracts-kernel-and-zod",
    from: "src/contexts/production/contracts/recipe.contract.ts",
    to: /^src\/contexts\/production\/domain\//,
  },
  "files-in-a-layer": {
    rule: "files-in-a-layer",
    from: "src/contexts/auth/auth.module.ts",
    to: /^src\/shared\/domain\/result\.ts$/,
  },
  "files-in-a-layer-imported": {
    rule: "files-in-a-layer",
    from: "src/shared/infrastructure/http/http-app.ts",
    to: /^src\/shared\/utils\/slugify\.ts$/,
  },
  "not-to-unresolvable": {
    rule: "not-to-unresolvable",
    from: "src/shared/infrastructure/cache/create-cache.ts",
    to: /^@\/shared\/infrastructure\/cache\/redis\.cache$/,
  },
};

/**
 * Cruises `<dir>/src` with the project's config the way `npm run arch` does. Paths in the rules and
 * the tsconfig are relative to the working directory, hence the chdir (fine under vitest's forks pool).
 */
async function violationsIn(dir: string): Promise<IViolation[]> {
  const options = await extractDepcruiseOptions(configFile);
  const previous = process.cwd();
  process.chdir(dir);
  try {
    const { output } = await cruise(["src"], options, {}, { tsConfig: extractTSConfig("tsconfig.json") });
    return (output as ICruiseResult).summary.violations;
  } finally {
    process.chdir(previous);
  }
}

function runCli(cwd: string): Promise<{ code: number; stdout: string }> {
  const bin = join(
    dirname(fileURLToPath(import.meta.resolve("dependency-cruiser"))),
    "../../bin/dependency-cruise.mjs",
  );
  return new Promise((done) => {
    execFile(process.execPath, [bin, "src", "--config", configFile], { cwd }, (error, stdout) => {
      done({ code: typeof error?.code === "number" ? error.code : error ? -1 : 0, stdout });
    });
  });
}

describe("architecture check (.dependency-cruiser.cjs)", () => {
  it("has an expectation for every fixture", () => {
    const fixtures = readdirSync(fixturesDir).filter((name) => name !== "clean");
    expect(fixtures.sort()).toEqual(Object.keys(brokenFixtures).sort());
  });

  it.each(Object.entries(brokenFixtures))("fails on fixture %s", async (fixture, expected) => {
    const violations = await violationsIn(join(fixturesDir, fixture));

    expect(violations).toHaveLength(1);
    const [violation] = violations;
    expect(violation?.rule).toEqual({ name: expected.rule, severity: "error" });
    expect(violation?.from).toBe(expected.from);
    expect(violation?.to).toMatch(expected.to);
  });

  it("passes a clean tree that uses every allowed kind of import", async () => {
    expect(await violationsIn(join(fixturesDir, "clean"))).toEqual([]);
  });

  it("`depcruise src` exits non-zero on a violation and passes the real src", async () => {
    const [broken, real] = await Promise.all([runCli(join(fixturesDir, "domain-is-pure-npm")), runCli(appDir)]);

    expect(broken.code).not.toBe(0);
    expect(broken.stdout).toContain("error domain-is-pure: src/contexts/tax/domain/invoice.entity.ts");
    expect(real.stdout).toContain("no dependency violations found");
    expect(real.code).toBe(0);
  });

  it("keeps the shared kernel at five files at most, tests included (spec §2; its tests live in test/kernel)", () => {
    expect(readdirSync(join(appDir, "src/shared/domain")).length).toBeLessThanOrEqual(5);
  });
});
