/** A typed key for the container. The phantom `T` makes `resolve(token)` return the right type. */
export interface Token<T> {
  readonly key: symbol;
  readonly name: string;
  /** Phantom field: never set at run time. */
  readonly __type?: T;
}

export function token<T>(name: string): Token<T> {
  return { key: Symbol(name), name };
}
