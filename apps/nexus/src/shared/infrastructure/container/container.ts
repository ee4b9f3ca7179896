import { containerErrors } from "./container.errors";
import type { Token } from "./token";

export type Lifetime = "singleton" | "scoped" | "transient";

/** What a factory receives: resolve further dependencies from the same scope. */
export interface Resolver {
  resolve<T>(token: Token<T>): T;
}

/** A request (or event, or task) scope: resolves tokens, and builds use cases without registering them. */
export interface Scope extends Resolver {
  /**
   * The scope's instance of `UseCase`, built on first use as `new UseCase(resolve(depsToken))` and
   * kept for the rest of the scope (the scoped lifetime, keyed by the class: no token to declare).
   */
  useCase<D, U>(UseCase: new (deps: D) => U, depsToken: Token<D>): U;
}

export interface Provider<T> {
  readonly lifetime: Lifetime;
  readonly factory: (resolver: Resolver) => T;
  /** Called at dispose time for each instance this container created. */
  readonly dispose?: (instance: T) => void | Promise<void>;
}

interface Created {
  readonly instance: unknown;
  readonly dispose: (instance: never) => void | Promise<void>;
}

/**
 * A small DI container: Symbol tokens, three lifetimes, one child scope per request,
 * cycle detection with the chain, and disposal in reverse creation order.
 */
export class Container implements Scope {
  private readonly providers: Map<symbol, Provider<unknown> & { name: string }>;
  private readonly instances = new Map<symbol, unknown>();
  private useCases: Map<unknown, unknown> | undefined;
  private readonly created: Created[] = [];
  private disposed = false;

  private constructor(
    private readonly root: Container | null,
    providers: Map<symbol, Provider<unknown> & { name: string }>,
  ) {
    this.providers = providers;
  }

  static create(): Container {
    return new Container(null, new Map());
  }

  register<T>(token: Token<T>, provider: Provider<T>): this {
    if (this.root) throw containerErrors.registerOnScope(token.name);
    if (this.providers.has(token.key)) throw containerErrors.duplicate(token.name);
    this.providers.set(token.key, { ...(provider as Provider<unknown>), name: token.name });
    return this;
  }

  singleton<T>(token: Token<T>, factory: (r: Resolver) => T, dispose?: (instance: T) => void | Promise<void>): this {
    return this.register(token, { lifetime: "singleton", factory, ...(dispose ? { dispose } : {}) });
  }

  scoped<T>(token: Token<T>, factory: (r: Resolver) => T, dispose?: (instance: T) => void | Promise<void>): this {
    return this.register(token, { lifetime: "scoped", factory, ...(dispose ? { dispose } : {}) });
  }

  transient<T>(token: Token<T>, factory: (r: Resolver) => T): this {
    return this.register(token, { lifetime: "transient", factory });
  }

  /** A ready-made value; the container does not dispose it (its creator owns it). */
  value<T>(token: Token<T>, value: T): this {
    return this.register(token, { lifetime: "singleton", factory: () => value });
  }

  has(token: Token<unknown>): boolean {
    return this.providers.has(token.key);
  }

  createScope(): Container {
    if (this.disposed) throw containerErrors.disposed();
    return new Container(this.root ?? this, this.providers);
  }

  resolve<T>(token: Token<T>): T {
    if (this.disposed) throw containerErrors.disposed();
    return this.resolveWith(token, []);
  }

  useCase<D, U>(UseCase: new (deps: D) => U, depsToken: Token<D>): U {
    if (this.disposed) throw containerErrors.disposed();
    if (!this.root) throw containerErrors.scopedFromRoot(UseCase.name);
    this.useCases ??= new Map();
    let instance = this.useCases.get(UseCase) as U | undefined;
    if (instance === undefined) {
      instance = new UseCase(this.resolve(depsToken));
      this.useCases.set(UseCase, instance);
    }
    return instance;
  }

  private resolveWith<T>(token: Token<T>, chain: string[]): T {
    const provider = this.providers.get(token.key);
    if (!provider) throw containerErrors.missing(token.name, chain);
    switch (provider.lifetime) {
      case "singleton":
        return (this.root ?? this).cached(token, provider, chain) as T;
      case "scoped":
        if (!this.root) throw containerErrors.scopedFromRoot(token.name);
        return this.cached(token, provider, chain) as T;
      case "transient":
        return this.build(token, provider, chain) as T;
    }
  }

  private cached(token: Token<unknown>, provider: Provider<unknown>, chain: string[]): unknown {
    if (this.instances.has(token.key)) return this.instances.get(token.key);
    const instance = this.build(token, provider, chain);
    this.instances.set(token.key, instance);
    return instance;
  }

  private build(token: Token<unknown>, provider: Provider<unknown>, chain: string[]): unknown {
    if (chain.includes(token.name)) throw containerErrors.circular([...chain, token.name]);
    // A singleton is built by, and owned by, the root, so it never captures a request scope.
    const owner = provider.lifetime === "singleton" ? (this.root ?? this) : this;
    const resolver: Resolver = { resolve: (dep) => owner.resolveWith(dep, chain) };
    chain.push(token.name);
    try {
      const instance = provider.factory(resolver);
      if (provider.dispose) owner.created.push({ instance, dispose: provider.dispose as (i: never) => void });
      return instance;
    } finally {
      chain.pop();
    }
  }

  /** Disposes what this container (or scope) created, newest first. Errors are collected, not swallowed. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const { instance, dispose } of this.created.reverse()) {
      try {
        await dispose(instance as never);
      } catch (error) {
        errors.push(error);
      }
    }
    this.created.length = 0;
    this.instances.clear();
    this.useCases = undefined;
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, "Errors while disposing the container");
  }
}
