import type { OrganizationEvent } from "../../domain/organization.entity";

/** The domain events auth turns into integration events (auth/contracts). */
export type AuthDomainEvent = OrganizationEvent;

/**
 * Publishes domain events as integration events, in the CURRENT unit of work (the outbox row commits
 * or rolls back with the change). Call inside `unitOfWork.transaction` with the entity's `pullEvents()`.
 */
export interface AuthEventPublisher {
  publish(events: readonly AuthDomainEvent[]): Promise<void>;
}
