import { z } from "@hono/zod-openapi";
import { OrganizationSchema, pageOf } from "./common.schemas";

export const CreateOrganizationBody = z
  .object({
    name: z.string().max(200).openapi({ example: "Padaria Lima" }),
    currency: z.string().max(16).openapi({ example: "EUR", description: "ISO 4217 code; money is in its minor units" }),
    timezone: z.string().max(64).openapi({ example: "Europe/Lisbon", description: "IANA time zone" }),
  })
  .openapi("CreateOrganizationRequest");

export const OrganizationPage = pageOf(OrganizationSchema).openapi("OrganizationPage");
