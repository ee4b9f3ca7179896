import { token } from "@/shared/infrastructure/container/token";
import type { BiDeps } from "../application/bi-deps";
import type { RebuildProjectionsUseCase } from "../application/use-cases/rebuild-projections.use-case";
import type { ProjectionUpdates } from "./http/projection-updates";

export const BiTokens = {
  Deps: token<BiDeps>("BiDeps"),
  Updates: token<ProjectionUpdates>("ProjectionUpdates"),
  RebuildProjections: token<RebuildProjectionsUseCase>("RebuildProjectionsUseCase"),
} as const;
