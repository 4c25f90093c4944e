import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { recordCourseEvidence } from './evidence';

interface CourseCompleted {
  payload: { userId: string; courseId: string; completedAt: string };
}
interface EventsLike {
  subscribe(name: string, type: 'course.completed', handler: (event: CourseCompleted, manager: EntityManager) => Promise<void>): void;
}

/**
 * Course completion → evidence (recordCourseEvidence), through the durable `course.completed` event
 * of the events module: the evidence is written in the delivery's transaction, once per event.
 *
 * The events module was written alongside this one and was not yet in the repository when this
 * was, so it is looked up at start instead of imported; without it, this logs once and evidence is
 * recorded by calling recordCourseEvidence directly. Replace the lookup with a plain injection of
 * EventsService once both are in.
 */
@Injectable()
export class EvidenceSubscriber implements OnModuleInit {
  private readonly logger = new Logger('Competency');
  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    let events: EventsLike | undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { EventsService } = require('../events/events.service') as { EventsService: new (...args: never[]) => EventsLike };
      events = this.moduleRef.get(EventsService, { strict: false });
    } catch {
      events = undefined;
    }
    if (!events) {
      this.logger.warn('events module not found: course completions do not record competency evidence by themselves');
      return;
    }
    events.subscribe('competency.evidence', 'course.completed', async (event, manager) => {
      await recordCourseEvidence(manager, event.payload);
    });
  }
}
