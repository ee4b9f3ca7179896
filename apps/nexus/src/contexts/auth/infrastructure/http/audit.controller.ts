import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { Timestamp } from "@/shared/domain/timestamp.value-object";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { listAuditEntries } from "@/shared/infrastructure/audit/audit-query";
import type { AuditTrail } from "@/shared/infrastructure/audit/audit-trail";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { AppEnv } from "@/shared/infrastructure/http/app-env";
import type { Controller } from "@/shared/infrastructure/http/controller";
import { toUuid } from "@/shared/infrastructure/http/path-id";
import { jsonResponse } from "@/shared/infrastructure/http/route-parts";
import { BEARER_AUTH } from "../../contracts/auth-guard";
import {
  AuditChainHeadSchema,
  AuditPageSchema,
  AuditQuerySchema,
  AuditVerificationSchema,
  AuditVerifyQuerySchema,
} from "./audit.schemas";
import { authErrors } from "./auth.problems";
import { type HonoGuard, NO_STORE } from "./auth-request";

const list = createRoute({
  method: "get",
  path: "/api/v1/audit",
  operationId: "listAuditEntries",
  tags: ["audit"],
  summary: "The organization's audit trail, newest first (owner, admin)",
  security: BEARER_AUTH,
  request: { query: AuditQuerySchema },
  responses: {
    200: jsonResponse(AuditPageSchema, "A page of audit entries"),
    ...authErrors.responses(
      "unauthenticated",
      "organization-required",
      "forbidden",
      "validation-failed",
      "invalid-cursor",
    ),
  },
});

const verify = createRoute({
  method: "get",
  path: "/api/v1/audit/verify",
  operationId: "verifyAuditChain",
  tags: ["audit"],
  summary: "Recompute the organization's keyed hash chain, optionally against an anchored head (owner, admin)",
  security: BEARER_AUTH,
  request: { query: AuditVerifyQuerySchema },
  responses: {
    200: jsonResponse(AuditVerificationSchema, "The verification"),
    ...authErrors.responses("unauthenticated", "organization-required", "forbidden", "validation-failed"),
  },
});

const head = createRoute({
  method: "get",
  path: "/api/v1/audit/head",
  operationId: "getAuditChainHead",
  tags: ["audit"],
  summary: "The organization's chain head, to record elsewhere as an anchor (owner, admin)",
  security: BEARER_AUTH,
  responses: {
    200: jsonResponse(AuditChainHeadSchema, "The newest entry's sequence number and keyed hash"),
    ...authErrors.responses("unauthenticated", "organization-required", "forbidden"),
  },
});

/**
 * The audit API of spec §8 over the platform's audit query and verifier. The organization is always
 * the token's (`org`), so an admin only ever reads their own tenant's chain.
 */
export class AuditController implements Controller {
  constructor(
    private readonly guard: HonoGuard,
    private readonly database: DatabaseClient,
    private readonly audit: AuditTrail,
  ) {}

  register(app: OpenAPIHono<AppEnv>): void {
    const { guard } = this;
    const auditors = { middleware: [guard.requirePermission("audit:read")] };

    app.openapi({ ...list, ...auditors }, async (c) => {
      const { organizationId } = guard.organizationCaller(c);
      const query = c.req.valid("query");
      const result = await listAuditEntries(this.database, {
        organizationId: organizationId as Uuid,
        limit: query.limit,
        ...(query.from ? { from: Timestamp.fromDate(new Date(query.from)) } : {}),
        ...(query.to ? { to: Timestamp.fromDate(new Date(query.to)) } : {}),
        ...(query.action ? { action: query.action } : {}),
        ...(query.actorId ? { actorId: toUuid(query.actorId) } : {}),
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      if (!result.ok) return authErrors.problem(c, result.error, NO_STORE);
      return c.json(result.value, 200, NO_STORE);
    });

    app.openapi({ ...verify, ...auditors }, async (c) => {
      const organizationId = guard.organizationCaller(c).organizationId as Uuid;
      const { anchorSeq, anchorHash } = c.req.valid("query");
      const anchors =
        anchorSeq !== undefined && anchorHash !== undefined
          ? [{ organizationId, chainSeq: anchorSeq, hash: anchorHash.toLowerCase() }]
          : [];
      const verification = await this.audit.verify({ organizationId, anchors });
      return c.json(verification, 200, NO_STORE);
    });

    app.openapi({ ...head, ...auditors }, async (c) => {
      const { organizationId } = guard.organizationCaller(c);
      return c.json(await this.audit.head(organizationId as Uuid), 200, NO_STORE);
    });
  }
}
