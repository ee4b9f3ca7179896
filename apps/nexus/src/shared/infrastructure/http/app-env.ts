import type { Scope } from "@/shared/infrastructure/container/container";
import type { RequestContext } from "@/shared/infrastructure/request-context/request-context";
import type { ConnectionInfo } from "./http-server.port";

/** Hono environment of the Nexus app: `c.env` is what the server adapter knows, `c.var` what middleware set. */
export interface AppEnv {
  Bindings: ConnectionInfo;
  Variables: {
    /** Per-request DI scope, created on first use and disposed after the response. */
    scope: Scope;
    requestContext: RequestContext;
  };
}
