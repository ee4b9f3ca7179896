/** The 14 allergens of EU Regulation 1169/2011 Annex II, in the regulation's order (spec §5). */
export const ALLERGENS = [
  "gluten",
  "crustaceans",
  "eggs",
  "fish",
  "peanuts",
  "soybeans",
  "milk",
  "nuts",
  "celery",
  "mustard",
  "sesame",
  "sulphites",
  "lupin",
  "molluscs",
] as const;

export type Allergen = (typeof ALLERGENS)[number];

export function isAllergen(value: string): value is Allergen {
  return (ALLERGENS as readonly string[]).includes(value);
}

/** Distinct allergens in the regulation's order, so equal sets always read the same. */
export function normalizeAllergens(values: Iterable<Allergen>): Allergen[] {
  const present = new Set(values);
  return ALLERGENS.filter((a) => present.has(a));
}

/** A product's allergens: the union over its recipe's ingredients (never typed in). */
export function unionOfAllergens(sets: Iterable<readonly Allergen[]>): Allergen[] {
  const all: Allergen[] = [];
  for (const set of sets) all.push(...set);
  return normalizeAllergens(all);
}
