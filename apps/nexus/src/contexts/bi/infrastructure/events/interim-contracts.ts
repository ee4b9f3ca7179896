import { z } from "zod";
import type { EventContract } from "@/shared/infrastructure/events/integration-event";
import { PROJECTED_EVENT_TYPES as T } from "../../application/projected-events";

// TEMPORARY: the fields BI reads of auth's organization events (CONTRACTS.md), until auth/contracts
// exports them; then projected-event-contracts.ts imports auth's instead.
const id = z.string().min(1);

const organization = z.object({ organizationId: id, name: z.string(), currency: z.string(), timezone: z.string() });

const contract = (type: string, schema: z.ZodType): EventContract => ({ type, version: 1, schema });

export const INTERIM_CONTRACTS = [
  contract(T.organizationCreated, organization),
  contract(T.organizationUpdated, organization),
];
