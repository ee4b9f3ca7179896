import { SendMessageBatchCommand } from "@aws-sdk/client-sqs";
import { Uuid } from "@/shared/domain/uuid.value-object";
import { ServiceUnavailableError } from "@/shared/infrastructure/errors/infrastructure.errors";
import type { DeliveryFailures, EventTransport } from "./event-transport.port";
import type { IntegrationEvent } from "./integration-event";
import type { SqsQueue } from "./sqs-queue";

const MAX_BATCH = 10; // SQS limit per SendMessageBatch

/** Publishes events to the SQS queue; "delivered" means SQS accepted the message. */
export class SqsEventTransport implements EventTransport {
  constructor(private readonly queue: SqsQueue) {}

  async deliver(events: readonly IntegrationEvent[]): Promise<DeliveryFailures> {
    const queueUrl = await this.queue.queueUrl();
    const failures = new Map<Uuid, Error>();
    const batches: IntegrationEvent[][] = [];
    for (let i = 0; i < events.length; i += MAX_BATCH) batches.push(events.slice(i, i + MAX_BATCH));
    await Promise.all(
      batches.map(async (batch) => {
        try {
          const result = await this.queue.sqs.send(
            new SendMessageBatchCommand({
              QueueUrl: queueUrl,
              Entries: batch.map((event, i) => ({
                Id: String(i),
                MessageBody: JSON.stringify(event),
                MessageGroupId: event.aggregateId,
                // Fresh per send: a resend after `outbox-retry` must not be swallowed by SQS's
                // 5-minute deduplication. Duplicates are the inbox's job.
                MessageDeduplicationId: Uuid.generate(),
                MessageAttributes: { type: { DataType: "String", StringValue: event.type } },
              })),
            }),
          );
          for (const failed of result.Failed ?? []) {
            const event = batch[Number(failed.Id)];
            if (event)
              failures.set(event.id, new Error(`SQS rejected ${event.id}: ${failed.Code} ${failed.Message ?? ""}`));
          }
        } catch (error) {
          const reason = new ServiceUnavailableError("queue", { cause: error });
          for (const event of batch) failures.set(event.id, reason);
        }
      }),
    );
    return failures;
  }
}
