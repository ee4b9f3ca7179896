// `npm run -w @nexus/app api-client`: regenerates test/contract/generated/nexus-api.d.ts from the
// document the application serves (embedded defaults, a throw-away data dir).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApplication } from "@/app/composition-root";
import { loadConfig } from "@/shared/infrastructure/config/load-config";
import { API_CLIENT_TYPES_FILE, generateApiClientTypes } from "./api-client-types";

const dataDir = await mkdtemp(join(tmpdir(), "nexus-api-client-"));
const app = await createApplication(loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir }));
try {
  await app.start();
  const document = (await (await app.http.request("/openapi.json")).json()) as object;
  await writeFile(API_CLIENT_TYPES_FILE, await generateApiClientTypes(document));
  console.log(`wrote ${API_CLIENT_TYPES_FILE}`);
} finally {
  await app.stop();
  await rm(dataDir, { recursive: true, force: true });
}
