import { z } from "@hono/zod-openapi";
import { pageOf } from "@/shared/infrastructure/http/common.schemas";
import { OrganizationSchema } from "./common.schemas";

export const CreateOrganizationBody = z
  .object({
    name: z.string().max(200).openapi({ example: "Padaria Lima" }),
    currency: z.string().max(16).openapi({ example: "EUR", description: "ISO 4217 code; money is in its minor units" }),
    timezone: z.string().max(64).openapi({ example: "Europe/Lisbon", description: "IANA time zone" }),
  })
  .openapi("CreateOrganizationRequest");

export const OrganizationPage = pageOf(OrganizationSchema).openapi("OrganizationPage");

/** Only what an owner may change; the currency is fixed at creation (a `currency` field is refused). */
export const UpdateOrganizationBody = z
  .object({
    name: z.string().max(200).optional().openapi({ example: "Padaria Lima & Filhos" }),
    timezone: z.string().max(64).optional().openapi({ example: "Atlantic/Madeira", description: "IANA time zone" }),
  })
  .strict()
  .openapi("UpdateOrganizationRequest");
