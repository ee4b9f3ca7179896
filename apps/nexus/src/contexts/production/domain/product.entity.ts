import { err, ok, type Result } from "@/shared/domain/result";
import type { Timestamp } from "@/shared/domain/timestamp.value-object";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { displayText } from "./item-fields";
import { type FieldError, invalid, type ValidationFailed } from "./production.errors";
import type { StockUnit } from "./stock-unit.value-object";

export interface ProductFields {
  readonly name: string;
  /** Unique per organization (the repository's constraint enforces it). */
  readonly sku: string;
  readonly unit: StockUnit;
  /** Product lots expire this many days after they are produced; null = no expiry. */
  readonly shelfLifeDays: number | null;
}

export interface ProductProps extends ProductFields {
  readonly id: Uuid;
  readonly organizationId: Uuid;
  readonly createdAt: Timestamp;
  readonly updatedAt: Timestamp;
}

/** Something made by production orders from a recipe and sold on invoices. */
export class Product {
  private constructor(readonly props: ProductProps) {}

  static create(organizationId: Uuid, fields: ProductFields, now: Timestamp): Result<Product, ValidationFailed> {
    const checked = checkFields(fields);
    if (!checked.ok) return checked;
    const id = Uuid.generate(now.epochMs);
    return ok(new Product({ ...checked.value, id, organizationId, createdAt: now, updatedAt: now }));
  }

  static restore(props: ProductProps): Product {
    return new Product(props);
  }

  update(fields: Partial<ProductFields>, hasStock: boolean, now: Timestamp): Result<Product, ValidationFailed> {
    if (hasStock && fields.unit !== undefined && fields.unit !== this.props.unit) {
      return err(invalid([{ pointer: "/unit", message: "cannot change once the product has lots" }]));
    }
    const checked = checkFields({ ...this.props, ...fields });
    if (!checked.ok) return checked;
    return ok(new Product({ ...this.props, ...checked.value, updatedAt: now }));
  }

  get id(): Uuid {
    return this.props.id;
  }
}

function checkFields(fields: ProductFields): Result<ProductFields, ValidationFailed> {
  const errors: FieldError[] = [];
  const { shelfLifeDays } = fields;
  if (shelfLifeDays !== null && (!Number.isInteger(shelfLifeDays) || shelfLifeDays < 0 || shelfLifeDays > 36_500)) {
    errors.push({ pointer: "/shelfLifeDays", message: "must be a whole number of days from 0 to 36500" });
  }
  const value: ProductFields = {
    name: displayText(fields.name, "/name", 200, errors),
    sku: displayText(fields.sku, "/sku", 64, errors),
    unit: fields.unit,
    shelfLifeDays,
  };
  return errors.length > 0 ? err(invalid(errors)) : ok(value);
}
