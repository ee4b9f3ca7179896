import { describe, expect, it } from "vitest";
import { Container } from "./container";
import { ContainerError } from "./container.errors";
import { token } from "./token";

const Clock = token<{ now(): number }>("Clock");
const Greeter = token<{ greet(): string }>("Greeter");
const RequestId = token<{ id: number }>("RequestId");
const Counter = token<{ n: number }>("Counter");

describe("Container", () => {
  it("resolves typed singletons once and wires dependencies", () => {
    let built = 0;
    const c = Container.create()
      .singleton(Clock, () => {
        built += 1;
        return { now: () => 42 };
      })
      .singleton(Greeter, (r) => ({ greet: () => `hello at ${r.resolve(Clock).now()}` }));
    expect(c.resolve(Greeter).greet()).toBe("hello at 42");
    expect(c.resolve(Clock)).toBe(c.resolve(Clock));
    expect(built).toBe(1);
  });

  it("gives one scoped instance per scope and a new transient each time", () => {
    let next = 0;
    const c = Container.create()
      .scoped(RequestId, () => ({ id: ++next }))
      .transient(Counter, () => ({ n: ++next }));
    const a = c.createScope();
    const b = c.createScope();
    expect(a.resolve(RequestId)).toBe(a.resolve(RequestId));
    expect(a.resolve(RequestId)).not.toBe(b.resolve(RequestId));
    expect(c.resolve(Counter)).not.toBe(c.resolve(Counter));
  });

  it("shares singletons between the root and its scopes", () => {
    const c = Container.create().singleton(Clock, () => ({ now: () => 1 }));
    expect(c.createScope().resolve(Clock)).toBe(c.resolve(Clock));
  });

  it("names the token on a duplicate registration", () => {
    const c = Container.create().singleton(Clock, () => ({ now: () => 1 }));
    expect(() => c.singleton(Clock, () => ({ now: () => 2 }))).toThrow(/Duplicate registration for token "Clock"/);
  });

  it("refuses registrations on a scope, naming the token", () => {
    const scope = Container.create().createScope();
    expect(() => scope.singleton(Clock, () => ({ now: () => 1 }))).toThrow(/Cannot register token "Clock" on a scope/);
  });

  it("names the missing token and who required it", () => {
    const c = Container.create().singleton(Greeter, (r) => {
      const clock = r.resolve(Clock);
      return { greet: () => String(clock.now()) };
    });
    expect(() => c.resolve(Greeter)).toThrow(/No provider registered for token "Clock" \(required by Greeter\)/);
  });

  it("reports a circular resolution with the whole chain", () => {
    const A = token<unknown>("A");
    const B = token<unknown>("B");
    const C = token<unknown>("C");
    const c = Container.create()
      .singleton(A, (r) => r.resolve(B))
      .singleton(B, (r) => r.resolve(C))
      .singleton(C, (r) => r.resolve(A));
    expect(() => c.resolve(A)).toThrow("Circular dependency: A -> B -> C -> A");
  });

  it("refuses a scoped service from the root and a singleton capturing a scoped one", () => {
    const c = Container.create()
      .scoped(RequestId, () => ({ id: 1 }))
      .singleton(Counter, (r) => ({ n: r.resolve(RequestId).id }));
    expect(() => c.resolve(RequestId)).toThrow(/Scoped token "RequestId" cannot be resolved from the root/);
    expect(() => c.createScope().resolve(Counter)).toThrow(ContainerError);
  });

  it("disposes what it created in reverse order, scopes separately from the root", async () => {
    const order: string[] = [];
    const c = Container.create()
      .singleton(
        Clock,
        () => ({ now: () => 1 }),
        () => void order.push("clock"),
      )
      .singleton(
        Greeter,
        (r) => {
          const clock = r.resolve(Clock);
          return { greet: () => String(clock.now()) };
        },
        async () => {
          order.push("greeter");
        },
      )
      .scoped(
        RequestId,
        () => ({ id: 1 }),
        () => void order.push("request"),
      );
    const scope = c.createScope();
    scope.resolve(Greeter);
    scope.resolve(RequestId);
    await scope.dispose();
    expect(order).toEqual(["request"]);
    await c.dispose();
    expect(order).toEqual(["request", "greeter", "clock"]);
    expect(() => c.resolve(Clock)).toThrow(/disposed/);
  });

  it("keeps disposing after one disposer fails and reports the failure", async () => {
    const disposed: string[] = [];
    const c = Container.create()
      .singleton(
        Clock,
        () => ({ now: () => 1 }),
        () => void disposed.push("clock"),
      )
      .singleton(
        Counter,
        () => ({ n: 1 }),
        () => {
          throw new Error("boom");
        },
      );
    c.resolve(Clock);
    c.resolve(Counter);
    await expect(c.dispose()).rejects.toThrow("boom");
    expect(disposed).toEqual(["clock"]);
  });

  it("does not dispose values it was handed", async () => {
    let closed = false;
    const c = Container.create().value(Clock, { now: () => 1 });
    c.resolve(Clock);
    await c.dispose();
    expect(closed).toBe(false);
    closed = true;
  });

  describe("useCase (scoped, keyed by class)", () => {
    const Deps = token<{ n: number }>("Deps");
    class Counter {
      constructor(readonly deps: { n: number }) {}
    }

    it("builds one instance per scope from the singleton deps, another in the next scope", async () => {
      const root = Container.create().singleton(Deps, () => ({ n: 1 }));
      const first = root.createScope();
      const a = first.useCase(Counter, Deps);
      expect(first.useCase(Counter, Deps)).toBe(a);
      expect(a.deps).toBe(root.resolve(Deps));
      const second = root.createScope();
      expect(second.useCase(Counter, Deps)).not.toBe(a);
      await first.dispose();
      expect(() => first.useCase(Counter, Deps)).toThrow(ContainerError);
    });

    it("refuses the root container (a use case would outlive its request)", () => {
      const root = Container.create().singleton(Deps, () => ({ n: 1 }));
      expect(() => root.useCase(Counter, Deps)).toThrow(ContainerError);
    });
  });
});
