import { ZCourseIdParams } from '@asah/contracts/tracking';
import type { FastRoute } from '../../common/http/fast-lane';
import type { ProgressService } from './progress.service';

/**
 * The learner's course progress, which the learner portal reads every minute while a learner
 * learns: with the runtime's commits, the steady load of issue 4. Same call as
 * LearningController.course.
 */
export const learningFastRoutes = (progress: ProgressService): FastRoute[] => [
  {
    path: '/learning/courses/:courseId/progress',
    roles: ['learner'],
    params: ZCourseIdParams,
    handle: (actor, { courseId }: { courseId: string }) => progress.myCourse(actor, courseId),
    handleInSession: (claims, { courseId }: { courseId: string }, authorize) => progress.myCourseInSession(claims, courseId, authorize),
  },
];
