import { DrizzleAuthUnitOfWork } from "@/contexts/auth/infrastructure/adapters/drizzle.auth-unit-of-work";
import { DrizzleInvitationRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-invitation.repository";
import { DrizzleMembershipRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-membership.repository";
import { DrizzleOneTimeTokenRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-one-time-token.repository";
import { DrizzleOrganizationRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-organization.repository";
import { DrizzleSessionRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-session.repository";
import { DrizzleUserRepository } from "@/contexts/auth/infrastructure/persistence/drizzle-user.repository";
import type { TestDatabase } from "../../support/test-database";

/** Every auth repository and the unit of work over one test database. */
export function drizzleAuthRepositories(database: TestDatabase) {
  const { client } = database;
  return {
    users: new DrizzleUserRepository(client),
    organizations: new DrizzleOrganizationRepository(client),
    memberships: new DrizzleMembershipRepository(client),
    sessions: new DrizzleSessionRepository(client),
    oneTimeTokens: new DrizzleOneTimeTokenRepository(client),
    invitations: new DrizzleInvitationRepository(client),
    unitOfWork: new DrizzleAuthUnitOfWork(database.uow),
  };
}
