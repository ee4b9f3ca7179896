import { and, eq, inArray, ne } from "drizzle-orm";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import type { IngredientRepository } from "../../application/ports/catalog.repositories";
import type { Ingredient } from "../../domain/ingredient.entity";
import { ingredients } from "./ingredient.table";
import { ingredientRow, toIngredient } from "./production.mappers";

export class DrizzleIngredientRepository implements IngredientRepository {
  constructor(private readonly client: DatabaseClient) {}

  async findById(organizationId: Uuid, id: Uuid): Promise<Ingredient | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(ingredients)
        .where(and(eq(ingredients.organizationId, organizationId), eq(ingredients.id, id))),
    );
    return row ? toIngredient(row) : null;
  }

  async findByIds(organizationId: Uuid, ids: readonly Uuid[]): Promise<Ingredient[]> {
    if (ids.length === 0) return [];
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(ingredients)
        .where(and(eq(ingredients.organizationId, organizationId), inArray(ingredients.id, [...new Set(ids)]))),
    );
    return rows.map(toIngredient);
  }

  async skuTaken(organizationId: Uuid, sku: string, exceptId: Uuid | null): Promise<boolean> {
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({ id: ingredients.id })
        .from(ingredients)
        .where(
          and(
            eq(ingredients.organizationId, organizationId),
            eq(ingredients.sku, sku),
            exceptId ? ne(ingredients.id, exceptId) : undefined,
          ),
        )
        .limit(1),
    );
    return rows.length > 0;
  }

  async save(ingredient: Ingredient): Promise<void> {
    const row = ingredientRow(ingredient);
    const { id: _id, organizationId: _org, createdAt: _created, ...changes } = row;
    await withDatabaseErrors(() =>
      this.client
        .executor()
        .insert(ingredients)
        .values(row)
        .onConflictDoUpdate({ target: ingredients.id, set: changes }),
    );
  }
}
