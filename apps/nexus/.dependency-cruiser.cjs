// Architecture rules of product spec §2, enforced in CI by `npm run arch` (see docs/adr/0002).
// Paths are relative to the working directory, so the same rules apply to `src` here and to the
// fixture trees under test/fixtures/architecture/<rule>/src (test/architecture/architecture.test.ts).
// Each violating import is reported by one rule: the layer whitelists below leave to the specific
// rules the targets those rules already report (ELSEWHERE), so a message names the real reason.

const TEST_FILE = "\\.(test|spec)\\.ts$";
const KERNEL = "^src/shared/domain/";
const APP = "^src/app/";
const ANY_CONTRACTS = "^src/contexts/[^/]+/contracts/";
// $1 is the context captured by the rule's `from.path`.
const OWN = (layer) => `^src/contexts/$1/${layer}/`;
const OTHER_CONTEXT_INTERNALS = "^src/contexts/(?!$1/)[^/]+/(?!contracts/)";
const ZOD = "(^|/)node_modules/zod/";
const any = (...patterns) => patterns.join("|");
// A file outside every layer would escape the layer rules.
const OUTSIDE_LAYERS =
  "^src/(?!app/|shared/(?:domain|infrastructure)/|contexts/[^/]+/(?:domain|application|infrastructure|contracts)/)";

// Targets a layer whitelist must not report twice.
const ELSEWHERE = any(APP, TEST_FILE, "^test/");

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No circular imports (spec §2).",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-test-files",
      severity: "error",
      comment: "Production code never imports tests or test support.",
      from: { path: "^src/", pathNot: TEST_FILE },
      to: { path: any(TEST_FILE, "^test/") },
    },
    {
      name: "only-app-imports-app",
      severity: "error",
      comment: "src/app is the composition root (main, cli, wiring): nothing else imports it.",
      from: { path: "^src/", pathNot: any(APP, TEST_FILE) },
      to: { path: APP },
    },
    {
      name: "contexts-only-through-contracts",
      severity: "error",
      comment: "A context imports another context only through that context's contracts/.",
      from: { path: "^src/contexts/([^/]+)/", pathNot: TEST_FILE },
      to: { path: OTHER_CONTEXT_INTERNALS },
    },
    {
      name: "shared-not-to-contexts",
      severity: "error",
      comment: "The shared kernel and platform plumbing know nothing about the business contexts.",
      from: { path: "^src/shared/", pathNot: TEST_FILE },
      to: { path: "^src/contexts/" },
    },
    {
      name: "shared-kernel-imports-only-itself",
      severity: "error",
      comment: "src/shared/domain imports only src/shared/domain: no npm package, node: module, Bun or platform code.",
      from: { path: KERNEL, pathNot: TEST_FILE },
      to: { pathNot: any(KERNEL, "^src/contexts/", ELSEWHERE) },
    },
    {
      name: "domain-not-to-outer-layers",
      severity: "error",
      comment: "Dependency direction infrastructure → application → domain: the domain never imports its outer layers.",
      from: { path: "^src/contexts/([^/]+)/domain/", pathNot: TEST_FILE },
      to: { path: any(OWN("application"), OWN("infrastructure"), "^src/shared/infrastructure/") },
    },
    {
      name: "application-not-to-infrastructure",
      severity: "error",
      comment: "Dependency direction infrastructure → application → domain: use cases reach adapters through ports.",
      from: { path: "^src/contexts/([^/]+)/application/", pathNot: TEST_FILE },
      to: { path: any(OWN("infrastructure"), "^src/shared/infrastructure/") },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment:
        "A context's domain imports only its own domain and the shared kernel: no npm package (Drizzle, Hono, Zod, pino...), node: module or Bun.",
      from: { path: "^src/contexts/([^/]+)/domain/", pathNot: TEST_FILE },
      to: {
        pathNot: any(
          OWN("domain"),
          KERNEL,
          OWN("application"),
          OWN("infrastructure"),
          "^src/shared/infrastructure/",
          OTHER_CONTEXT_INTERNALS,
          ELSEWHERE,
        ),
      },
    },
    {
      name: "application-imports-only-domain-and-contracts",
      severity: "error",
      comment:
        "A context's application imports only its own domain and application, the shared kernel and contracts/: no framework, npm package, node: module or Bun.",
      from: { path: "^src/contexts/([^/]+)/application/", pathNot: TEST_FILE },
      to: {
        pathNot: any(
          OWN("domain"),
          OWN("application"),
          KERNEL,
          ANY_CONTRACTS,
          OWN("infrastructure"),
          "^src/shared/infrastructure/",
          OTHER_CONTEXT_INTERNALS,
          ELSEWHERE,
        ),
      },
    },
    {
      name: "contracts-import-only-contracts-kernel-and-zod",
      severity: "error",
      comment:
        "A context's contracts/ (event schemas, public service interfaces, DTOs) import only themselves, the shared kernel and zod.",
      from: { path: "^src/contexts/([^/]+)/contracts/", pathNot: TEST_FILE },
      to: { pathNot: any(OWN("contracts"), KERNEL, ZOD, OTHER_CONTEXT_INTERNALS, ELSEWHERE) },
    },
    {
      name: "files-in-a-layer",
      severity: "error",
      comment:
        "Every file under src lives in src/app, src/shared/{domain,infrastructure} or src/contexts/<context>/{domain,application,infrastructure,contracts} (spec §2 layout).",
      from: { path: OUTSIDE_LAYERS },
      to: {},
    },
    {
      name: "files-in-a-layer",
      severity: "error",
      comment: "Nothing imports a file that lives outside the layers.",
      from: { path: "^src/", pathNot: OUTSIDE_LAYERS },
      to: { path: OUTSIDE_LAYERS },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment:
        "Every import resolves (an unresolved `@/` alias would slip past the rules above). Bun built-ins (bun:*) exist only at run time.",
      from: {},
      to: { couldNotResolve: true, pathNot: "^bun:" },
    },
  ],
  options: {
    doNotFollow: { path: "(^|/)node_modules/" },
    // Type-only imports count: a domain may not even `import type` from a framework.
    tsPreCompilationDeps: true,
    // Resolves the `@/*` alias; relative to the working directory (each fixture has its own).
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
