import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventsService } from '../events/events.service';
import { recordCourseEvidence } from './evidence';

/** The subscriber's name in event_deliveries. */
export const EVIDENCE_SUBSCRIBER = 'competency.evidence';

/**
 * Course completion → competency evidence (recordCourseEvidence), through the durable
 * `course.completed` event: the evidence is written in the delivery's transaction, once per event,
 * so a crash between the completion and the evidence loses nothing.
 */
@Injectable()
export class EvidenceSubscriber implements OnModuleInit {
  constructor(private readonly events: EventsService) {}

  onModuleInit(): void {
    this.events.subscribe(EVIDENCE_SUBSCRIBER, 'course.completed', async (event, manager) => {
      await recordCourseEvidence(manager, { userId: event.payload.userId, courseId: event.payload.courseId, completedAt: new Date(event.payload.completedAt) });
    });
  }
}
