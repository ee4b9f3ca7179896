import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { declareApiTags } from "@/shared/infrastructure/http/openapi.routes";
import { problemResponses } from "@/shared/infrastructure/http/problem.schema";
import type { DevMailboxMailer } from "./dev-mailbox.mailer";

const MailboxQuery = z.object({
  to: z.string().min(1).max(320).optional().openapi({ description: "Only mail to this address (case-insensitive)" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const MailboxMessage = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("DevMailboxMessage");

const listMailbox = createRoute({
  method: "get",
  path: "/dev/mailbox",
  operationId: "listDevMailbox",
  security: [],
  tags: ["dev"],
  summary: "Mail captured by the development mailbox, newest first (not available in production)",
  request: { query: MailboxQuery },
  responses: {
    200: {
      description: "Captured messages",
      content: { "application/json": { schema: z.object({ items: z.array(MailboxMessage) }) } },
    },
    ...problemResponses(400, 422),
  },
});

/** GET /dev/mailbox. Registered only when `shouldExposeDevMailbox(config)`. */
export class DevMailboxController implements Controller {
  constructor(private readonly mailbox: DevMailboxMailer) {}

  register(app: OpenAPIHono<AppEnv>): void {
    declareApiTags(app, [{ name: "dev", description: "Development helpers; never served in production" }]);
    app.openapi(listMailbox, async (c) => {
      const { to, limit } = c.req.valid("query");
      const messages = await this.mailbox.list({ limit, ...(to === undefined ? {} : { to }) });
      const items = messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }));
      return c.json({ items }, 200);
    });
  }
}
