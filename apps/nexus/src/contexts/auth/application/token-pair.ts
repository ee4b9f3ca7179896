import type { Role } from "../domain/role.value-object";
import type { Session } from "../domain/session.entity";
import type { TokenPair } from "./auth.dto";
import type { AccessTokenIssuer } from "./ports/access-token.port";

/** Signs an access token for `session` and pairs it with the refresh token just minted for it. */
export async function issueTokenPair(
  accessTokens: AccessTokenIssuer,
  session: Session,
  refreshToken: string,
  role: Role | null,
): Promise<TokenPair> {
  const access = await accessTokens.issue({
    userId: session.userId,
    sessionId: session.id,
    organizationId: session.organizationId,
    role: session.organizationId ? role : null,
  });
  return { accessToken: access.token, refreshToken, tokenType: "Bearer", expiresIn: access.expiresIn };
}
