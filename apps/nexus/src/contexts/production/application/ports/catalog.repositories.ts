import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Ingredient } from "../../domain/ingredient.entity";
import type { Product } from "../../domain/product.entity";
import type { Recipe } from "../../domain/recipe.entity";
import type { Paged, PageRequest } from "./production-read-model.port";

/** Every look-up takes the organization: another tenant's id simply finds nothing. */
export interface IngredientRepository {
  findById(organizationId: Uuid, id: Uuid): Promise<Ingredient | null>;
  findByIds(organizationId: Uuid, ids: readonly Uuid[]): Promise<Ingredient[]>;
  /** Another ingredient of the organization already has this SKU. */
  skuTaken(organizationId: Uuid, sku: string, exceptId: Uuid | null): Promise<boolean>;
  save(ingredient: Ingredient): Promise<void>;
}

export interface ProductRepository {
  findById(organizationId: Uuid, id: Uuid): Promise<Product | null>;
  /** Locks the product row: recipe versions of one product are numbered one at a time. */
  lockById(organizationId: Uuid, id: Uuid): Promise<Product | null>;
  findByIds(organizationId: Uuid, ids: readonly Uuid[]): Promise<Product[]>;
  skuTaken(organizationId: Uuid, sku: string, exceptId: Uuid | null): Promise<boolean>;
  save(product: Product): Promise<void>;
}

export interface RecipeRepository {
  findCurrent(organizationId: Uuid, productId: Uuid): Promise<Recipe | null>;
  findById(organizationId: Uuid, id: Uuid): Promise<Recipe | null>;
  /** Versions oldest first, a page at a time (keyset on the version number). */
  pageVersions(organizationId: Uuid, productId: Uuid, page: PageRequest): Paged<Recipe>;
  /** Inserts the version and makes it the product's current one. */
  add(recipe: Recipe): Promise<void>;
}
