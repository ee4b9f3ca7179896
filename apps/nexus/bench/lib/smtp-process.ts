// Starts bench/lib/smtp-sink.ts as a child process (see there why).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { APP_DIR, BUN } from "./nexus-server";

export interface SmtpProcess {
  readonly url: string;
  /** Stops the server; resolves to how many mails it received. */
  close(): Promise<number>;
}

export async function startSmtpProcess(): Promise<SmtpProcess> {
  const child = spawn(BUN, ["bench/lib/smtp-sink.ts"], { cwd: APP_DIR, stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout });
  const next = (prefix: string) =>
    new Promise<string>((resolve, reject) => {
      const onLine = (line: string) => {
        if (!line.startsWith(prefix)) return;
        lines.off("line", onLine);
        resolve(line.slice(prefix.length));
      };
      lines.on("line", onLine);
      child.once("exit", (code) => reject(new Error(`smtp sink exited (${code}) before printing ${prefix}`)));
    });
  const url = await next("SMTP_URL=");
  return {
    url,
    async close() {
      const received = next("RECEIVED=");
      child.kill("SIGTERM");
      return Number(await received);
    },
  };
}
