/** An organization as other contexts need it: money is in `currency`'s minor units, days end in `timezone`. */
export interface OrganizationProfile {
  readonly organizationId: string;
  readonly name: string;
  /** ISO 4217, fixed at creation. */
  readonly currency: string;
  /** IANA time zone, e.g. "Europe/Lisbon"; an owner may change it (auth.organization.updated.v1). */
  readonly timezone: string;
}

/**
 * A public service of the auth module (production and tax read currency and timezone by id). The
 * composition root hands it to the contexts that need it; they never read auth's tables.
 */
export interface OrganizationDirectory {
  /** null for an unknown id (or one that is not a UUIDv7). */
  find(organizationId: string): Promise<OrganizationProfile | null>;
}
