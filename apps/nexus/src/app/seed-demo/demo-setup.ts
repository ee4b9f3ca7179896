import { decodeJwt } from "jose";
import { CreateOrganizationUseCase } from "@/contexts/auth/application/use-cases/create-organization.use-case";
import { LoginUseCase } from "@/contexts/auth/application/use-cases/login.use-case";
import { RegisterUserUseCase } from "@/contexts/auth/application/use-cases/register-user.use-case";
import { VerifyEmailUseCase } from "@/contexts/auth/application/use-cases/verify-email.use-case";
import { AuthTokens } from "@/contexts/auth/infrastructure/auth.tokens";
import { ProductionTokens } from "@/contexts/production/infrastructure/production.tokens";
import { CreateTaxRateUseCase } from "@/contexts/tax/application/use-cases/create-tax-rate.use-case";
import { PutClassificationUseCase } from "@/contexts/tax/application/use-cases/put-classification.use-case";
import { PutTaxSettingsUseCase } from "@/contexts/tax/application/use-cases/put-tax-settings.use-case";
import { TaxTokens } from "@/contexts/tax/infrastructure/tax.tokens";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { Container } from "@/shared/infrastructure/container/container";
import type { CaughtMailer } from "./caught.mailer";
import {
  DEMO_INGREDIENTS,
  DEMO_ORGANIZATION,
  DEMO_OWNER,
  DEMO_PRODUCTS,
  DEMO_SELLER,
  DEMO_TAX_RATES,
  type IngredientKey,
  type ProductKey,
} from "./demo-business";
import { asOwner, expectOk, type SeedActor } from "./seed-session";

export interface DemoCatalog {
  readonly ingredients: ReadonlyMap<IngredientKey, Uuid>;
  readonly products: ReadonlyMap<ProductKey, Uuid>;
}

/**
 * Registers the owner, follows the verification mail, signs in and creates the organization. Mail leaves
 * through the outbox, so `deliver` (the relay) runs before the verification mail can be read.
 */
export async function createDemoOwner(
  container: Container,
  mailer: CaughtMailer,
  deliver: () => Promise<unknown>,
): Promise<SeedActor> {
  const { email, password, name } = DEMO_OWNER;
  await asOwner(container, null, async (scope) => {
    expectOk("register", await scope.useCase(RegisterUserUseCase, AuthTokens.Deps).execute({ email, password, name }));
  });
  await deliver();
  await asOwner(container, null, async (scope) => {
    const token = mailer.tokenSentTo(email);
    expectOk("verify email", await scope.useCase(VerifyEmailUseCase, AuthTokens.Deps).execute({ token }));
  });
  const signedIn = await asOwner(container, null, async (scope) =>
    expectOk("login", await scope.useCase(LoginUseCase, AuthTokens.Deps).execute({ email, password })),
  );
  const userId = signedIn.user.id as Uuid;
  const sessionId = decodeJwt(signedIn.accessToken).sid as Uuid;
  const organization = await asOwner(container, null, async (scope) =>
    expectOk(
      "create organization",
      await scope.useCase(CreateOrganizationUseCase, AuthTokens.Deps).execute({
        actor: { userId, sessionId, organizationId: null, role: null },
        ...DEMO_ORGANIZATION,
      }),
    ),
  );
  return { userId, sessionId, organizationId: organization.id as Uuid };
}

/** Fiscal identity and rates (tax), ingredients, products and recipes (production), classifications (tax). */
export async function createDemoCatalog(container: Container, actor: SeedActor): Promise<DemoCatalog> {
  const { organizationId } = actor;
  const taxActor = { userId: actor.userId, organizationId };
  const step = <T>(work: Parameters<typeof asOwner<T>>[2]) => asOwner(container, actor, work);

  await step(async (scope) => {
    expectOk(
      "tax settings",
      await scope.useCase(PutTaxSettingsUseCase, TaxTokens.Deps).execute({ actor: taxActor, identity: DEMO_SELLER }),
    );
    for (const rate of DEMO_TAX_RATES) {
      expectOk(
        `tax rate ${rate.code}`,
        await scope
          .useCase(CreateTaxRateUseCase, TaxTokens.Deps)
          .execute({ actor: taxActor, ...rate, validFrom: "2020-01-01" }),
      );
    }
  });

  const ingredients = new Map<IngredientKey, Uuid>();
  for (const i of DEMO_INGREDIENTS) {
    const created = await step(async (scope) =>
      expectOk(
        `ingredient ${i.name}`,
        await scope.resolve(ProductionTokens.ManageIngredients).create(organizationId, {
          name: i.name,
          unit: i.unit,
          sku: `ING-${i.key.toUpperCase()}`,
          allergens: i.allergens,
          supplier: i.supplier,
        }),
      ),
    );
    ingredients.set(i.key, created.id as Uuid);
  }

  const products = new Map<ProductKey, Uuid>();
  for (const p of DEMO_PRODUCTS) {
    const productId = await step(async (scope) => {
      const created = expectOk(
        `product ${p.name}`,
        await scope
          .resolve(ProductionTokens.ManageProducts)
          .create(organizationId, { name: p.name, sku: p.sku, unit: "unit", shelfLifeDays: p.shelfLifeDays }),
      );
      return created.id as Uuid;
    });
    await step(async (scope) => {
      expectOk(
        `recipe of ${p.name}`,
        await scope.resolve(ProductionTokens.DefineRecipe).execute({
          organizationId,
          productId,
          yieldQuantity: String(p.recipe.yield),
          items: p.recipe.items.map(([key, quantity]) => ({
            ingredientId: ingredients.get(key) as string,
            quantity: String(quantity),
          })),
        }),
      );
      expectOk(
        `tax classification of ${p.name}`,
        await scope
          .useCase(PutClassificationUseCase, TaxTokens.Deps)
          .execute({ actor: taxActor, productId, taxCodes: [p.taxCode] }),
      );
    });
    products.set(p.key, productId);
  }
  return { ingredients, products };
}
