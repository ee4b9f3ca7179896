import { InMemoryUnitOfWork } from "@/contexts/auth/application/testing/fake-auth.services";
import {
  InMemoryMembershipRepository,
  InMemoryOneTimeTokenRepository,
  InMemoryOrganizationRepository,
  InMemorySessionRepository,
  InMemoryUserRepository,
} from "@/contexts/auth/application/testing/in-memory-auth.repositories";
import { InMemoryAuthStore } from "@/contexts/auth/application/testing/in-memory-auth.store";
import { describeAuthPurgeContract } from "./auth-purge.contract";
import { describeAuthRepositoriesContract } from "./auth-repositories.contract";

function inMemoryHarness() {
  const store = new InMemoryAuthStore();
  return {
    users: new InMemoryUserRepository(store),
    organizations: new InMemoryOrganizationRepository(store),
    memberships: new InMemoryMembershipRepository(store),
    sessions: new InMemorySessionRepository(store),
    oneTimeTokens: new InMemoryOneTimeTokenRepository(store),
    unitOfWork: new InMemoryUnitOfWork(store),
    dispose: async () => {},
  };
}

describeAuthRepositoriesContract("in-memory", async () => inMemoryHarness());
describeAuthPurgeContract("in-memory", async () => inMemoryHarness());
