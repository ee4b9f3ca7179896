/** Thrown for wiring bugs. Each names the token(s) so a start-up failure is obvious. */
export class ContainerError extends Error {
  override readonly name = "ContainerError";
}

export const containerErrors = {
  duplicate: (name: string) => new ContainerError(`Duplicate registration for token "${name}"`),
  missing: (name: string, chain: readonly string[]) =>
    new ContainerError(
      `No provider registered for token "${name}"${chain.length ? ` (required by ${chain.join(" -> ")})` : ""}`,
    ),
  circular: (chain: readonly string[]) => new ContainerError(`Circular dependency: ${chain.join(" -> ")}`),
  scopedFromRoot: (name: string) =>
    new ContainerError(`Scoped token "${name}" cannot be resolved from the root container; create a scope`),
  disposed: () => new ContainerError("Container has been disposed"),
  registerOnScope: (name: string) =>
    new ContainerError(`Cannot register token "${name}" on a scope; register it on the root container`),
};
