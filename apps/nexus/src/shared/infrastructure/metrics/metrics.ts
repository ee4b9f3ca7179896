/** Counter, Gauge and Histogram with labels, rendered in the Prometheus text exposition format 0.0.4. */
export type Labels = Readonly<Record<string, string | number>>;

abstract class Metric {
  abstract readonly type: "counter" | "gauge" | "histogram";
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[],
  ) {}

  protected key(labels: Labels): string {
    // Hot path (every request): plain concatenation, no intermediate arrays.
    let key = "";
    for (let i = 0; i < this.labelNames.length; i++) {
      if (i > 0) key += "\u0000";
      key += String(labels[this.labelNames[i] as string] ?? "");
    }
    return key;
  }

  protected labelsOf(key: string): string[] {
    return key === "" && this.labelNames.length === 0 ? [] : key.split("\u0000");
  }

  render(): string {
    return [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`, ...this.samples()].join(
      "\n",
    );
  }

  protected abstract samples(): string[];

  protected sample(suffix: string, key: string, value: number, extra?: [string, string]): string {
    const pairs = this.labelsOf(key).map((v, i) => [this.labelNames[i] ?? "", v] as [string, string]);
    if (extra) pairs.push(extra);
    const labels = pairs.length ? `{${pairs.map(([n, v]) => `${n}="${escapeLabel(v)}"`).join(",")}}` : "";
    return `${this.name}${suffix}${labels} ${formatNumber(value)}`;
  }
}

export class Counter extends Metric {
  readonly type = "counter";
  private readonly values = new Map<string, number>();

  inc(labels: Labels = {}, by = 1): void {
    if (by < 0) throw new RangeError(`counter ${this.name} cannot decrease`);
    const key = this.key(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  get(labels: Labels = {}): number {
    return this.values.get(this.key(labels)) ?? 0;
  }

  protected samples(): string[] {
    return [...this.values].map(([key, value]) => this.sample("", key, value));
  }
}

export class Gauge extends Metric {
  readonly type = "gauge";
  private readonly values = new Map<string, number>();

  set(labels: Labels, value: number): void {
    this.values.set(this.key(labels), value);
  }

  inc(labels: Labels = {}, by = 1): void {
    const key = this.key(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }

  dec(labels: Labels = {}, by = 1): void {
    this.inc(labels, -by);
  }

  get(labels: Labels = {}): number {
    return this.values.get(this.key(labels)) ?? 0;
  }

  protected samples(): string[] {
    return [...this.values].map(([key, value]) => this.sample("", key, value));
  }
}

/** Seconds-oriented defaults, as Prometheus client libraries use. */
export const DEFAULT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Series {
  readonly counts: number[];
  sum: number;
  count: number;
}

export class Histogram extends Metric {
  readonly type = "histogram";
  private readonly series = new Map<string, Series>();
  readonly buckets: readonly number[];

  constructor(name: string, help: string, labelNames: readonly string[], buckets: readonly number[] = DEFAULT_BUCKETS) {
    super(name, help, labelNames);
    this.buckets = [...buckets].sort((a, b) => a - b);
  }

  observe(labels: Labels, value: number): void {
    const key = this.key(labels);
    let s = this.series.get(key);
    if (!s) {
      s = { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(key, s);
    }
    this.buckets.forEach((le, i) => {
      if (value <= le) s.counts[i] = (s.counts[i] ?? 0) + 1;
    });
    s.sum += value;
    s.count += 1;
  }

  protected samples(): string[] {
    const lines: string[] = [];
    for (const [key, s] of this.series) {
      this.buckets.forEach((le, i) => {
        lines.push(this.sample("_bucket", key, s.counts[i] ?? 0, ["le", formatNumber(le)]));
      });
      lines.push(this.sample("_bucket", key, s.count, ["le", "+Inf"]));
      lines.push(this.sample("_sum", key, s.sum));
      lines.push(this.sample("_count", key, s.count));
    }
    return lines;
  }
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return "NaN";
  if (n === Number.POSITIVE_INFINITY) return "+Inf";
  if (n === Number.NEGATIVE_INFINITY) return "-Inf";
  return String(n);
}
