import { Counter, Gauge, Histogram } from "./metrics";

export type { Labels } from "./metrics";
export { Counter, Gauge, Histogram } from "./metrics";

type AnyMetric = Counter | Gauge | Histogram;
type Collector = () => void | Promise<void>;

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/**
 * A tiny Prometheus registry. Asking twice for the same metric (same kind and labels) returns the same
 * instance, so modules can declare what they count without sharing variables.
 */
export class MetricsRegistry {
  private readonly metrics = new Map<string, AnyMetric>();
  private readonly collectors: Collector[] = [];

  counter(name: string, help: string, labelNames: readonly string[] = []): Counter {
    return this.getOrAdd(name, labelNames, Counter, () => new Counter(name, help, labelNames));
  }

  gauge(name: string, help: string, labelNames: readonly string[] = []): Gauge {
    return this.getOrAdd(name, labelNames, Gauge, () => new Gauge(name, help, labelNames));
  }

  histogram(name: string, help: string, labelNames: readonly string[] = [], buckets?: readonly number[]): Histogram {
    return this.getOrAdd(name, labelNames, Histogram, () => new Histogram(name, help, labelNames, buckets));
  }

  /** Runs before each scrape, e.g. to set a gauge from a database count. */
  addCollector(collect: Collector): void {
    this.collectors.push(collect);
  }

  async render(): Promise<string> {
    // A failing collector (say, the database is down) must not hide every other metric.
    await Promise.allSettled(this.collectors.map(async (collect) => collect()));
    return `${[...this.metrics.values()].map((m) => m.render()).join("\n")}\n`;
  }

  private getOrAdd<M extends AnyMetric>(
    name: string,
    labelNames: readonly string[],
    kind: abstract new (...args: never[]) => M,
    create: () => M,
  ): M {
    const existing = this.metrics.get(name);
    if (existing) {
      if (!(existing instanceof kind) || existing.labelNames.join() !== labelNames.join()) {
        throw new Error(`Metric "${name}" is already registered as a ${existing.type} with other labels`);
      }
      return existing;
    }
    if (!METRIC_NAME.test(name)) throw new Error(`Invalid metric name "${name}"`);
    const bad = labelNames.find((l) => !LABEL_NAME.test(l) || l === "le");
    if (bad !== undefined) throw new Error(`Invalid label name "${bad}" for metric "${name}"`);
    const metric = create();
    this.metrics.set(name, metric);
    return metric;
  }
}
