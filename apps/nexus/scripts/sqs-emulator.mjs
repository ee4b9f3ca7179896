// Starts the fauxqs SQS emulator for local runs and CI; prints "SQS_ENDPOINT=<url>" once listening.
// Usage: node apps/nexus/scripts/sqs-emulator.mjs [port]   (port 0 = any free port)
import { startFauxqs } from "fauxqs";

const port = Number(process.argv[2] ?? 0);
const server = await startFauxqs({ port, logger: false });
const address = server.port;
console.log(`SQS_ENDPOINT=http://127.0.0.1:${address}`);

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
