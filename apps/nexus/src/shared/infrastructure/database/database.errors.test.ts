import { describe, expect, it } from "vitest";
import {
  ConflictError,
  InvalidDataError,
  ServiceUnavailableError,
} from "@/shared/infrastructure/errors/infrastructure.errors";
import { translateDatabaseError } from "./database.errors";

// Shapes as the drivers produce them: postgres.js PostgresError / connection errors, PGlite
// DatabaseError, each possibly wrapped by Drizzle's DrizzleQueryError as `cause`.
const driverError = (fields: Record<string, unknown>) => Object.assign(new Error("driver says no"), fields);
const wrapped = (cause: unknown) => new Error("Failed query: insert into secret_table …", { cause });

describe("translateDatabaseError", () => {
  it("maps unique and exclusion violations to ConflictError with the constraint", () => {
    const pgjs = translateDatabaseError(wrapped(driverError({ code: "23505", constraint_name: "users_email_key" })));
    expect(pgjs).toBeInstanceOf(ConflictError);
    expect((pgjs as ConflictError).constraint).toBe("users_email_key");
    const pglite = translateDatabaseError(wrapped(driverError({ code: "23P01", constraint: "no_overlap" })));
    expect((pglite as ConflictError).constraint).toBe("no_overlap");
  });

  it.each([
    "ECONNREFUSED",
    "ECONNRESET",
    "ETIMEDOUT",
    "CONNECTION_CLOSED",
    "CONNECT_TIMEOUT",
    "57P01",
    "57P03",
    "08006",
    "08001",
  ])("maps %s to ServiceUnavailableError(database)", (code) => {
    const error = translateDatabaseError(wrapped(driverError({ code })));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).dependency).toBe("database");
    expect((error as Error).message).not.toContain("secret_table");
  });

  it.each(["22008", "22021", "22P05", "22003", "22007"])("maps data exception %s to InvalidDataError", (code) => {
    const error = translateDatabaseError(wrapped(driverError({ code })));
    expect(error).toBeInstanceOf(InvalidDataError);
    expect((error as InvalidDataError).sqlState).toBe(code);
    expect((error as Error).message).not.toContain("secret_table");
  });

  it("maps a closed PGlite to ServiceUnavailableError", () => {
    expect(translateDatabaseError(new Error("PGlite is closed"))).toBeInstanceOf(ServiceUnavailableError);
  });

  it("returns other errors unchanged", () => {
    const syntax = wrapped(driverError({ code: "42601" }));
    expect(translateDatabaseError(syntax)).toBe(syntax);
    const bug = new TypeError("x is undefined");
    expect(translateDatabaseError(bug)).toBe(bug);
    expect(translateDatabaseError("a string")).toBe("a string");
  });

  it("is idempotent", () => {
    const conflict = new ConflictError("c");
    expect(translateDatabaseError(conflict)).toBe(conflict);
  });
});
