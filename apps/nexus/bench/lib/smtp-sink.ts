// A real SMTP server (npm smtp-server) in a process of its own, for benches that time requests: in the
// bench's own process its connection handling ran on the event loop that timed the responses, and
// made the requests that caused a mail look slower. Prints `SMTP_URL=…` once listening and, on
// SIGTERM, `RECEIVED=<count>` before exiting.
import { startSmtp } from "../../test/support/test-smtp";

const smtp = await startSmtp();
console.log(`SMTP_URL=${smtp.url}`);
process.on("SIGTERM", async () => {
  console.log(`RECEIVED=${smtp.received.length}`);
  await smtp.close();
  process.exit(0);
});
