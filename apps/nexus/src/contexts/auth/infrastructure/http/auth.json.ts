import type { OrganizationView, SessionView, TokenPair, UserView } from "../../application/auth.dto";
import type { InvitationView } from "../../application/ports/invitation.repository";
import type { MemberView } from "../../application/ports/membership.repository";
import type { AcceptInvitationOutput } from "../../application/use-cases/accept-invitation.use-case";
import type { MeView } from "../../application/use-cases/get-me.use-case";
import type { InviteMemberOutput } from "../../application/use-cases/invite-member.use-case";
import type { LoginOutput } from "../../application/use-cases/login.use-case";
import type { SwitchOrganizationOutput } from "../../application/use-cases/switch-organization.use-case";

/**
 * DTO → JSON, explicitly: times as RFC 3339 strings, ids as strings, nothing the schema does not
 * declare. Handlers pass these to `c.json(…, status)`, which checks them against the route's schema.
 */
export const userJson = (u: UserView) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  emailVerified: u.emailVerified,
  createdAt: u.createdAt.toISOString(),
});

export const organizationJson = (o: OrganizationView) => ({
  id: o.id,
  name: o.name,
  currency: o.currency,
  timezone: o.timezone,
  createdAt: o.createdAt.toISOString(),
  role: o.role,
});

export const sessionJson = (s: SessionView) => ({
  id: s.id,
  createdAt: s.createdAt.toISOString(),
  lastUsedAt: s.lastUsedAt.toISOString(),
  ip: s.ip,
  userAgent: s.userAgent,
  current: s.current,
});

export const tokenPairJson = (p: TokenPair) => ({
  accessToken: p.accessToken,
  refreshToken: p.refreshToken,
  tokenType: p.tokenType,
  expiresIn: p.expiresIn,
});

export const loginJson = (l: LoginOutput) => ({
  ...tokenPairJson(l),
  user: userJson(l.user),
  organizations: l.organizations.map(organizationJson),
  organizationId: l.organizationId,
});

export const meJson = (m: MeView) => ({
  user: userJson(m.user),
  organizations: m.organizations.map(organizationJson),
  currentOrganizationId: m.currentOrganizationId,
  role: m.role,
  sessionId: m.sessionId,
});

export const switchOrganizationJson = (s: SwitchOrganizationOutput) => ({
  ...tokenPairJson(s),
  organizationId: s.organizationId,
  role: s.role,
});

export const memberJson = (m: MemberView) => ({
  userId: m.userId,
  email: m.email,
  name: m.name,
  role: m.role,
  joinedAt: m.joinedAt.toISOString(),
});

export const memberInvitedJson = (i: InviteMemberOutput) => ({
  status: i.status,
  email: i.email,
  role: i.role,
  expiresAt: i.expiresAt.toISOString(),
});

export const invitationAcceptedJson = (a: AcceptInvitationOutput) => ({
  organizationId: a.organizationId,
  role: a.role,
});

export const myInvitationJson = (i: InvitationView) => ({
  id: i.id,
  organization: { id: i.organizationId, name: i.organizationName },
  role: i.role,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
});

export const organizationInvitationJson = (i: InvitationView) => ({
  id: i.id,
  email: i.email,
  role: i.role,
  invitedBy: i.invitedBy,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
});
