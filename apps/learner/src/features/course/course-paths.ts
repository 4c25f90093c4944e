/** The player's page of an activity (apps/learner/src/features/player). */
export const activityPath = (courseId: string, activityId: string) => `/kursus/${courseId}/aktivitas/${activityId}`;
export const coursePath = (courseId: string) => `/kursus/${courseId}`;
