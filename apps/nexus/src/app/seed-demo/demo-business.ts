/**
 * The demo business `seed-demo` creates: a small bakery. Its owner's password is public on purpose
 * (README): the command refuses to run with NODE_ENV=production.
 */
/** Calendar days of history by default, ending yesterday (Sundays closed). */
export const DEMO_DAYS = 90;

export const DEMO_OWNER = {
  email: "demo@nexus.local",
  password: "Sourdough-Harbor-Lantern-42",
  name: "Dana Demo",
} as const;

export const DEMO_ORGANIZATION = { name: "Demo Bakery", currency: "EUR", timezone: "Europe/Berlin" } as const;

export const DEMO_SELLER = {
  legalName: "Demo Bakery GmbH",
  taxId: "DE999999999",
  address: { line1: "Backstraße 12", city: "Berlin", postalCode: "10115", countryCode: "DE" },
} as const;

/** German VAT: bakery goods at the reduced rate, drinks at the standard one. */
export const DEMO_TAX_RATES = [
  { code: "RED", name: "Reduced VAT 7%", rateBasisPoints: 700 },
  { code: "STD", name: "Standard VAT 19%", rateBasisPoints: 1900 },
] as const;

export type IngredientKey =
  | "flour"
  | "rye"
  | "butter"
  | "sugar"
  | "eggs"
  | "milk"
  | "yeast"
  | "salt"
  | "chocolate"
  | "lemons";

export interface DemoIngredient {
  readonly key: IngredientKey;
  readonly name: string;
  readonly unit: "kg" | "l" | "unit";
  readonly allergens: readonly string[];
  readonly supplier: string;
  /** Price in cents per unit of stock. */
  readonly unitCost: number;
  readonly shelfLifeDays: number;
}

export const DEMO_INGREDIENTS: readonly DemoIngredient[] = [
  {
    key: "flour",
    name: "Wheat flour T550",
    unit: "kg",
    allergens: ["gluten"],
    supplier: "Mühle Nord",
    unitCost: 75,
    shelfLifeDays: 180,
  },
  {
    key: "rye",
    name: "Rye flour T1150",
    unit: "kg",
    allergens: ["gluten"],
    supplier: "Mühle Nord",
    unitCost: 110,
    shelfLifeDays: 180,
  },
  {
    key: "butter",
    name: "Butter",
    unit: "kg",
    allergens: ["milk"],
    supplier: "Hof Weber",
    unitCost: 750,
    shelfLifeDays: 30,
  },
  {
    key: "sugar",
    name: "Cane sugar",
    unit: "kg",
    allergens: [],
    supplier: "Großhandel Ost",
    unitCost: 100,
    shelfLifeDays: 365,
  },
  {
    key: "eggs",
    name: "Free-range eggs",
    unit: "unit",
    allergens: ["eggs"],
    supplier: "Hof Weber",
    unitCost: 28,
    shelfLifeDays: 28,
  },
  {
    key: "milk",
    name: "Whole milk",
    unit: "l",
    allergens: ["milk"],
    supplier: "Hof Weber",
    unitCost: 105,
    shelfLifeDays: 12,
  },
  {
    key: "yeast",
    name: "Fresh yeast",
    unit: "kg",
    allergens: [],
    supplier: "Großhandel Ost",
    unitCost: 400,
    shelfLifeDays: 21,
  },
  {
    key: "salt",
    name: "Sea salt",
    unit: "kg",
    allergens: [],
    supplier: "Großhandel Ost",
    unitCost: 60,
    shelfLifeDays: 730,
  },
  {
    key: "chocolate",
    name: "Dark chocolate 70%",
    unit: "kg",
    allergens: ["milk", "soybeans"],
    supplier: "Großhandel Ost",
    unitCost: 1200,
    shelfLifeDays: 240,
  },
  {
    key: "lemons",
    name: "Organic lemons",
    unit: "kg",
    allergens: [],
    supplier: "Obst Schmidt",
    unitCost: 250,
    shelfLifeDays: 21,
  },
];

export type ProductKey = "loaf" | "baguette" | "croissant" | "brownie" | "lemonade";

export interface DemoProduct {
  readonly key: ProductKey;
  readonly name: string;
  readonly sku: string;
  readonly shelfLifeDays: number;
  readonly taxCode: (typeof DEMO_TAX_RATES)[number]["code"];
  /** Net price in cents per unit. */
  readonly unitPrice: number;
  /** Units sold on an ordinary weekday at the start of the history. */
  readonly dailyDemand: number;
  /** Baked every n-th working day, enough for those days (within its shelf life). */
  readonly batchEvery: number;
  readonly recipe: { readonly yield: number; readonly items: readonly (readonly [IngredientKey, number])[] };
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  {
    key: "loaf",
    batchEvery: 2,
    name: "Sourdough loaf",
    sku: "BRD-SOUR",
    shelfLifeDays: 4,
    taxCode: "RED",
    unitPrice: 480,
    dailyDemand: 30,
    recipe: {
      yield: 20,
      items: [
        ["flour", 9],
        ["rye", 1],
        ["salt", 0.2],
      ],
    },
  },
  {
    key: "baguette",
    batchEvery: 1,
    name: "Baguette",
    sku: "BRD-BAGU",
    shelfLifeDays: 1,
    taxCode: "RED",
    unitPrice: 160,
    dailyDemand: 60,
    recipe: {
      yield: 30,
      items: [
        ["flour", 7.5],
        ["salt", 0.15],
        ["yeast", 0.1],
      ],
    },
  },
  {
    key: "croissant",
    batchEvery: 1,
    name: "Butter croissant",
    sku: "PST-CROI",
    shelfLifeDays: 2,
    taxCode: "RED",
    unitPrice: 190,
    dailyDemand: 48,
    recipe: {
      yield: 40,
      items: [
        ["flour", 4],
        ["butter", 2.5],
        ["sugar", 0.4],
        ["milk", 1.2],
        ["eggs", 4],
        ["yeast", 0.12],
        ["salt", 0.08],
      ],
    },
  },
  {
    key: "brownie",
    batchEvery: 3,
    name: "Chocolate brownie",
    sku: "PST-BROW",
    shelfLifeDays: 5,
    taxCode: "RED",
    unitPrice: 280,
    dailyDemand: 20,
    recipe: {
      yield: 24,
      items: [
        ["chocolate", 1.2],
        ["butter", 0.9],
        ["sugar", 1],
        ["eggs", 12],
        ["flour", 0.5],
      ],
    },
  },
  {
    key: "lemonade",
    batchEvery: 4,
    name: "Lemonade 0.33 l",
    sku: "DRK-LEMO",
    shelfLifeDays: 10,
    taxCode: "STD",
    unitPrice: 320,
    dailyDemand: 16,
    recipe: {
      yield: 20,
      items: [
        ["lemons", 2],
        ["sugar", 0.8],
      ],
    },
  },
];

export const DEMO_CUSTOMERS = [
  { name: "Café Morgenrot", taxId: "DE100000017" },
  { name: "Hotel Spreeblick", taxId: "DE100000025" },
  { name: "Kita Sonnenschein", taxId: null },
  { name: "Bistro Kastanie", taxId: "DE100000033" },
  { name: "Feinkost Lindner", taxId: "DE100000041" },
  { name: "Büro Catering Mitte", taxId: null },
] as const;
