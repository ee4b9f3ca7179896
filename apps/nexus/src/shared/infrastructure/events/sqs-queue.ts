import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from "@aws-sdk/client-sqs";
import type { Config } from "@/shared/infrastructure/config/config.schema";
import { ServiceUnavailableError } from "@/shared/infrastructure/errors/infrastructure.errors";

export type SqsSettings = Pick<
  Config,
  "SQS_ENDPOINT" | "SQS_REGION" | "SQS_QUEUE_NAME" | "SQS_ACCESS_KEY_ID" | "SQS_SECRET_ACCESS_KEY"
>;

/** How long a received message stays hidden while its handlers run; a crash makes it visible again after this. */
export const VISIBILITY_TIMEOUT_SECONDS = 30;

/**
 * The events queue. FIFO, with the aggregate id as message group, so consumers see the events of one
 * aggregate in order (a standard queue reorders). `SQS_QUEUE_NAME` gets the mandatory `.fifo` suffix.
 */
export class SqsQueue {
  readonly sqs: SQSClient;
  readonly name: string;
  private url: string | undefined;

  constructor(settings: SqsSettings) {
    this.sqs = new SQSClient({
      ...(settings.SQS_ENDPOINT ? { endpoint: settings.SQS_ENDPOINT } : {}),
      region: settings.SQS_REGION,
      credentials: { accessKeyId: settings.SQS_ACCESS_KEY_ID, secretAccessKey: settings.SQS_SECRET_ACCESS_KEY },
    });
    this.name = settings.SQS_QUEUE_NAME.endsWith(".fifo") ? settings.SQS_QUEUE_NAME : `${settings.SQS_QUEUE_NAME}.fifo`;
  }

  /** The queue URL, creating the queue on first use (CreateQueue is idempotent for equal attributes). */
  async queueUrl(): Promise<string> {
    if (this.url) return this.url;
    try {
      const created = await this.sqs.send(
        new CreateQueueCommand({
          QueueName: this.name,
          Attributes: { FifoQueue: "true", VisibilityTimeout: String(VISIBILITY_TIMEOUT_SECONDS) },
        }),
      );
      if (!created.QueueUrl) throw new Error(`CreateQueue returned no URL for ${this.name}`);
      this.url = created.QueueUrl;
      return this.url;
    } catch (error) {
      throw new ServiceUnavailableError("queue", { cause: error });
    }
  }

  async ping(): Promise<void> {
    try {
      await this.sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: await this.queueUrl(), AttributeNames: ["QueueArn"] }),
      );
    } catch (error) {
      throw error instanceof ServiceUnavailableError ? error : new ServiceUnavailableError("queue", { cause: error });
    }
  }

  close(): void {
    this.sqs.destroy();
  }
}
