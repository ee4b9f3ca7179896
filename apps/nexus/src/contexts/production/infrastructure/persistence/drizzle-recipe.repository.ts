import { and, asc, eq, gt } from "drizzle-orm";
import { ok } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import { withDatabaseErrors } from "@/shared/infrastructure/database/database.errors";
import type { DatabaseClient } from "@/shared/infrastructure/database/database-client";
import { keysetPage } from "@/shared/infrastructure/database/keyset-page";
import type { RecipeRepository } from "../../application/ports/catalog.repositories";
import type { Paged, PageRequest } from "../../application/ports/production-read-model.port";
import type { Recipe } from "../../domain/recipe.entity";
import { products } from "./product.table";
import { recipeRow, toRecipe } from "./production.mappers";
import { recipes } from "./recipe.table";
import { VersionCursor } from "./version-cursor";

/** Versions live in `production.recipes`; `products.recipe_version` names the current one. */
export class DrizzleRecipeRepository implements RecipeRepository {
  constructor(private readonly client: DatabaseClient) {}

  async findCurrent(organizationId: Uuid, productId: Uuid): Promise<Recipe | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select({ recipe: recipes })
        .from(products)
        .innerJoin(recipes, and(eq(recipes.productId, products.id), eq(recipes.version, products.recipeVersion)))
        .where(and(eq(products.organizationId, organizationId), eq(products.id, productId))),
    );
    return row ? toRecipe(row.recipe) : null;
  }

  async findById(organizationId: Uuid, id: Uuid): Promise<Recipe | null> {
    const [row] = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(recipes)
        .where(and(eq(recipes.organizationId, organizationId), eq(recipes.id, id))),
    );
    return row ? toRecipe(row) : null;
  }

  async pageVersions(organizationId: Uuid, productId: Uuid, page: PageRequest): Paged<Recipe> {
    const after = VersionCursor.decode(page.cursor);
    if (!after.ok) return after;
    const rows = await withDatabaseErrors(() =>
      this.client
        .executor()
        .select()
        .from(recipes)
        .where(
          and(
            eq(recipes.organizationId, organizationId),
            eq(recipes.productId, productId),
            after.value === null ? undefined : gt(recipes.version, after.value),
          ),
        )
        .orderBy(asc(recipes.version))
        .limit(page.limit + 1),
    );
    return ok(keysetPage(rows.map(toRecipe), page.limit, (r) => VersionCursor.encode(r.props.version)));
  }

  async add(recipe: Recipe): Promise<void> {
    const db = this.client.executor();
    const p = recipe.props;
    await withDatabaseErrors(async () => {
      await db.insert(recipes).values(recipeRow(recipe));
      await db
        .update(products)
        .set({ recipeVersion: p.version })
        .where(and(eq(products.organizationId, p.organizationId), eq(products.id, p.productId)));
    });
  }
}
