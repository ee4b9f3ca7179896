import { describeRateLimiterContract } from "../../../../test/support/rate-limiter.contract";
import { InMemoryRateLimiter } from "./in-memory.rate-limiter";

describeRateLimiterContract("InMemoryRateLimiter", async () => {
  let now = 1_700_000_000_000;
  return {
    limiter: new InMemoryRateLimiter(() => now),
    advance: (ms) => {
      now += ms;
    },
    dispose: async () => {},
  };
});
