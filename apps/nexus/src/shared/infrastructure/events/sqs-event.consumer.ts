import {
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
} from "@aws-sdk/client-sqs";
import type { Logger } from "@/shared/infrastructure/logging/logger";
import type { EventDispatcher } from "./event-dispatcher";
import { toError } from "./event-transport.port";
import type { IntegrationEvent } from "./integration-event";
import type { OutboxMetrics } from "./outbox-metrics";
import type { OutboxStore } from "./outbox-store";
import type { SqsQueue } from "./sqs-queue";

export interface SqsEventConsumerOptions {
  readonly maxAttempts: number;
  /** Seconds to hide a failed message before it comes back, by receive count. */
  readonly backoffSeconds?: (receiveCount: number) => number;
  readonly waitTimeSeconds?: number;
  /** Concurrent long polls. FIFO keeps one message per group in flight, so order holds across them. */
  readonly pollers?: number;
}

/** What to do with a received message once its handlers ran. */
type Outcome = "delete" | "keep";

/**
 * Long-polls the events queue and hands each receive to the dispatcher in waves (see `handleAll`).
 * A message is deleted only after every handler succeeded; otherwise it comes back after a backoff. After `maxAttempts`
 * receives the event is parked in the outbox (logged, counted) and the message dropped, so the
 * `outbox-retry` command can send it again.
 */
export class SqsEventConsumer {
  private running = false;
  private loops: Promise<void>[] = [];
  private abort = new AbortController();

  constructor(
    private readonly queue: SqsQueue,
    private readonly dispatcher: EventDispatcher,
    private readonly store: OutboxStore,
    private readonly options: SqsEventConsumerOptions,
    private readonly logger: Logger,
    private readonly metrics?: OutboxMetrics,
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    await this.queue.queueUrl(); // fail fast when SQS is unreachable
    this.running = true;
    this.abort = new AbortController();
    this.loops = Array.from({ length: this.options.pollers ?? 4 }, () => this.poll());
  }

  /** Stops polling and waits for the messages being handled. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.abort.abort();
    await Promise.all(this.loops);
  }

  private async poll(): Promise<void> {
    while (this.running) {
      let messages: Message[];
      try {
        const received = await this.queue.sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: await this.queue.queueUrl(),
            MaxNumberOfMessages: 10,
            WaitTimeSeconds: this.options.waitTimeSeconds ?? 10,
            MessageSystemAttributeNames: ["ApproximateReceiveCount", "MessageGroupId"],
          }),
          { abortSignal: this.abort.signal },
        );
        messages = received.Messages ?? [];
      } catch (error) {
        if (!this.running) return;
        this.logger.warn({ err: error }, "SQS receive failed; retrying");
        await pause(1000, this.abort.signal);
        continue;
      }
      const done = await this.handleAll(messages);
      // If deleting fails the messages come back and the inbox skips them.
      await this.deleteAll(done).catch((error: unknown) => this.logger.warn({ err: error }, "SQS delete failed"));
    }
  }

  /**
   * A receive's messages in waves, like the relay: wave k holds the k-th message of every group
   * (aggregate) still going, handed to the dispatcher at once (batch consumers apply it in one
   * transaction). A group's first failure holds back the rest of that group. Resolves to the
   * messages to delete.
   */
  private async handleAll(messages: readonly Message[]): Promise<Message[]> {
    const done: Message[] = [];
    let alive = groupByMessageGroup(messages);
    for (let k = 0; alive.length > 0; k++) {
      const wave: { message: Message; event: IntegrationEvent; group: Message[] }[] = [];
      for (const group of alive) {
        const message = group[k];
        if (!message) continue;
        const event = this.read(message);
        if (event) wave.push({ message, event, group });
        else done.push(message); // unreadable: dropped (logged)
      }
      const failures = await this.dispatcher.dispatchAll(wave.map((w) => w.event));
      const stopped = new Set<Message[]>();
      for (const { message, event, group } of wave) {
        const failure = failures.get(event.id);
        if (!failure) {
          done.push(message);
          continue;
        }
        if ((await this.failed(message, event, failure)) === "delete") {
          done.push(message);
          continue;
        }
        stopped.add(group);
        for (const later of group.slice(k + 1)) await this.hide(later, receiveCount(message));
      }
      alive = alive.filter((group) => group.length > k + 1 && !stopped.has(group));
    }
    return done;
  }

  private read(message: Message): IntegrationEvent | null {
    try {
      return JSON.parse(message.Body ?? "") as IntegrationEvent;
    } catch (error) {
      this.logger.error(
        { err: error, messageId: message.MessageId },
        "unreadable message dropped from the events queue",
      );
      return null;
    }
  }

  /** A handler failed: back off and keep the message, or after `maxAttempts` park the event and drop it. */
  private async failed(message: Message, event: IntegrationEvent, failure: unknown): Promise<Outcome> {
    const error = toError(failure);
    const count = receiveCount(message);
    if (count < this.options.maxAttempts) {
      await this.hide(message, count);
      return "keep";
    }
    try {
      await this.store.park(event.id, error, count);
    } catch (parkError) {
      this.logger.warn({ err: parkError, eventId: event.id }, "could not park event; it will be received again");
      return "keep";
    }
    this.metrics?.parked.inc({ type: event.type });
    this.logger.error(
      { err: error, eventId: event.id, eventType: event.type, aggregateId: event.aggregateId },
      "outbox event parked after too many failed deliveries",
    );
    return "delete";
  }

  private async deleteAll(messages: readonly Message[]): Promise<void> {
    if (messages.length === 0) return;
    await this.queue.sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: await this.queue.queueUrl(),
        Entries: messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
      }),
    );
  }

  private async hide(message: Message, count: number): Promise<void> {
    const seconds = (this.options.backoffSeconds ?? defaultBackoffSeconds)(count);
    await this.queue.sqs
      .send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: await this.queue.queueUrl(),
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: Math.max(0, Math.min(43_200, Math.round(seconds))),
        }),
      )
      .catch((error: unknown) => this.logger.warn({ err: error }, "SQS ChangeMessageVisibility failed"));
  }
}

const defaultBackoffSeconds = (receiveCount: number): number => Math.min(300, 2 ** (receiveCount - 1));

function receiveCount(message: Message): number {
  return Number(message.Attributes?.ApproximateReceiveCount ?? "1") || 1;
}

function groupByMessageGroup(messages: readonly Message[]): Message[][] {
  const groups = new Map<string, Message[]>();
  for (const message of messages) {
    const key = message.Attributes?.MessageGroupId ?? message.MessageId ?? "";
    const group = groups.get(key);
    if (group) group.push(message);
    else groups.set(key, [message]);
  }
  return [...groups.values()];
}

/** Waits `ms`, or less if stopped. Removes its abort listener: an outage pauses once a second per poller. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}
