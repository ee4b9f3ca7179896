import { type DomainError, err, ok, type Result } from "@/shared/domain/result";
import type { Uuid } from "@/shared/domain/uuid.value-object";
import type { CalendarDate } from "./calendar-date.value-object";
import type { TaxCode } from "./tax-code.value-object";

export type InvalidTaxRate = DomainError<"invalid-tax-rate"> & { readonly field: string };

export interface TaxRateProps {
  readonly id: Uuid;
  readonly organizationId: Uuid;
  readonly code: TaxCode;
  readonly name: string;
  /** 1 bp = 0.01 %: 2000 is 20 %. */
  readonly rateBasisPoints: number;
  readonly validFrom: CalendarDate;
  /** Inclusive last day; null = open-ended. */
  readonly validTo: CalendarDate | null;
}

/** A rate of one tax code for a period of days. Periods of one code never overlap (rate-schedule rule). */
export class TaxRate {
  private constructor(readonly props: TaxRateProps) {}

  static create(props: TaxRateProps): Result<TaxRate, InvalidTaxRate> {
    const { rateBasisPoints, validFrom, validTo, name } = props;
    if (!Number.isInteger(rateBasisPoints) || rateBasisPoints < 0 || rateBasisPoints > 10_000) {
      return invalid("rateBasisPoints", "rateBasisPoints must be an integer from 0 to 10000 (1 bp = 0.01 %)");
    }
    if (validTo?.isBefore(validFrom)) {
      return invalid("validTo", "validTo (inclusive) must not be before validFrom");
    }
    if (name.trim().length === 0 || name.length > 100) return invalid("name", "name must have 1 to 100 characters");
    return ok(new TaxRate({ ...props, name: name.trim() }));
  }

  /** Rebuilds a stored rate; the database holds only rates that passed `create`. */
  static restore(props: TaxRateProps): TaxRate {
    return new TaxRate(props);
  }

  get id(): Uuid {
    return this.props.id;
  }

  get code(): TaxCode {
    return this.props.code;
  }

  get rateBasisPoints(): number {
    return this.props.rateBasisPoints;
  }

  isValidOn(date: CalendarDate): boolean {
    const { validFrom, validTo } = this.props;
    return !date.isBefore(validFrom) && (validTo === null || !date.isAfter(validTo));
  }

  /** Same code and at least one day in common (bounds inclusive). */
  overlaps(other: TaxRate): boolean {
    if (this.code !== other.code) return false;
    const endsBeforeOtherStarts = this.props.validTo?.isBefore(other.props.validFrom) ?? false;
    const startsAfterOtherEnds = other.props.validTo !== null && this.props.validFrom.isAfter(other.props.validTo);
    return !endsBeforeOtherStarts && !startsAfterOtherEnds;
  }
}

function invalid(field: string, message: string): Result<never, InvalidTaxRate> {
  return err({ code: "invalid-tax-rate", message, field });
}
