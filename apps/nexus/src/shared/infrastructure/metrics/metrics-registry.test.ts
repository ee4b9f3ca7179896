import { describe, expect, it } from "vitest";
import { MetricsRegistry } from "./metrics-registry";

describe("MetricsRegistry", () => {
  it("renders counters and gauges with escaped labels in the text exposition format", async () => {
    const registry = new MetricsRegistry();
    const parked = registry.counter("outbox_parked_events_total", "Events parked\nafter retries", ["type"]);
    parked.inc({ type: 'tax."invoice"\\issued' });
    parked.inc({ type: "production.order.completed" }, 2);
    registry.gauge("relay_lag_seconds", "Relay lag").set({}, 1.5);

    const text = await registry.render();
    expect(text).toBe(
      [
        "# HELP outbox_parked_events_total Events parked\\nafter retries",
        "# TYPE outbox_parked_events_total counter",
        'outbox_parked_events_total{type="tax.\\"invoice\\"\\\\issued"} 1',
        'outbox_parked_events_total{type="production.order.completed"} 2',
        "# HELP relay_lag_seconds Relay lag",
        "# TYPE relay_lag_seconds gauge",
        "relay_lag_seconds 1.5",
        "",
      ].join("\n"),
    );
  });

  it("renders cumulative histogram buckets, +Inf, sum and count", async () => {
    const registry = new MetricsRegistry();
    const h = registry.histogram("job_seconds", "Job time", ["job"], [0.1, 1]);
    h.observe({ job: "a" }, 0.05);
    h.observe({ job: "a" }, 0.5);
    h.observe({ job: "a" }, 3);
    const lines = (await registry.render()).split("\n");
    expect(lines).toContain('job_seconds_bucket{job="a",le="0.1"} 1');
    expect(lines).toContain('job_seconds_bucket{job="a",le="1"} 2');
    expect(lines).toContain('job_seconds_bucket{job="a",le="+Inf"} 3');
    expect(lines).toContain('job_seconds_sum{job="a"} 3.55');
    expect(lines).toContain('job_seconds_count{job="a"} 3');
  });

  it("returns the same metric when declared twice, and refuses a clash", () => {
    const registry = new MetricsRegistry();
    const a = registry.counter("x_total", "x", ["k"]);
    expect(registry.counter("x_total", "x", ["k"])).toBe(a);
    expect(() => registry.gauge("x_total", "x", ["k"])).toThrow(/already registered/);
    expect(() => registry.counter("x_total", "x", ["other"])).toThrow(/already registered/);
    expect(() => registry.counter("bad-name", "x")).toThrow(/Invalid metric name/);
    expect(() => a.inc({ k: "v" }, -1)).toThrow(RangeError);
  });

  it("runs collectors before rendering, and a failing one does not hide the others", async () => {
    const registry = new MetricsRegistry();
    const g = registry.gauge("queue_depth", "Depth");
    registry.addCollector(async () => g.set({}, 7));
    registry.addCollector(async () => {
      throw new Error("database down");
    });
    expect(await registry.render()).toContain("queue_depth 7");
  });
});
