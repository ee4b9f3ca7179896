interface Waiting<I, O> {
  readonly item: I;
  readonly resolve: (output: O) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit: what is submitted under a key while that key's commit is in flight waits for it and
 * goes into the next commit together. No timer, so a lone submission commits at once and adds no
 * latency; under load one commit serves everybody who arrived during the previous one. Each caller
 * resolves only after the commit holding its item. A failed batch is retried item by item, so only a
 * bad item fails its caller.
 */
export class GroupCommit<I, O> {
  /** Present while a key is being drained: its waiting items. */
  private readonly queues = new Map<string, Waiting<I, O>[]>();

  constructor(
    private readonly commit: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly maxBatch = 100,
  ) {}

  submit(key: string, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const waiting = { item, resolve, reject };
      const queue = this.queues.get(key);
      if (queue) {
        queue.push(waiting);
        return;
      }
      const fresh = [waiting];
      this.queues.set(key, fresh);
      void this.drain(key, fresh);
    });
  }

  private async drain(key: string, queue: Waiting<I, O>[]): Promise<void> {
    while (queue.length > 0) await this.run(queue.splice(0, this.maxBatch));
    this.queues.delete(key); // no await since the length check: nothing can have slipped in
  }

  private async run(batch: readonly Waiting<I, O>[]): Promise<void> {
    try {
      const outputs = await this.commit(batch.map((w) => w.item));
      for (const [i, w] of batch.entries()) w.resolve(outputs[i] as O);
    } catch (error) {
      const [only] = batch;
      if (batch.length === 1 && only) {
        only.reject(error);
        return;
      }
      for (const w of batch) {
        await this.commit([w.item]).then(
          ([output]) => w.resolve(output as O),
          (single: unknown) => w.reject(single),
        );
      }
    }
  }
}
