// An open-loop load at a fixed rate: every 10 ms, start the sends that are due by then without waiting
// for earlier ones (like independent requests), so a slow consumer cannot lower the offered rate.
// One timer per tick, not one per event: under load a timer per event fires late and caps the rate.

/** Starts `send(i)` for i = 0 … total−1 at `rate` per second; resolves when all settled, with the rate achieved. */
export async function offerAtRate(
  rate: number,
  total: number,
  send: (i: number) => Promise<unknown>,
): Promise<{ readonly achievedPerSecond: number }> {
  const start = performance.now();
  const inFlight: Promise<unknown>[] = [];
  for (let sent = 0; sent < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
    while (sent < due) inFlight.push(send(sent++));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(inFlight);
  return { achievedPerSecond: total / ((performance.now() - start) / 1000) };
}
