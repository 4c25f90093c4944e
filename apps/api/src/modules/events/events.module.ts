import { Global, Module } from '@nestjs/common';
import { EventsService } from './events.service';
import { JobQueueService } from './job-queue.service';

/** Durable domain events (outbox + subscribers) and the pg-boss queues of background work. Global: any module may subscribe. */
@Global()
@Module({
  providers: [JobQueueService, EventsService],
  exports: [JobQueueService, EventsService],
})
export class EventsModule {}
