import { API_PREFIX } from '@asah/contracts/api-paths';
import { contentPaths } from '@asah/contracts/content';

/** Course routes of apps/api (courses.controller, course-content.controller), relative to API_PREFIX as the api client wants them. */
export const coursePaths = {
  list: '/courses',
  course: (id: string) => `/courses/${id}`,
  publish: (id: string) => `/courses/${id}/publish`,
  archive: (id: string) => `/courses/${id}/archive`,
  unarchive: (id: string) => `/courses/${id}/unarchive`,
  instructors: (id: string) => `/courses/${id}/instructors`,
  outline: (id: string) => `/courses/${id}/outline`,
  sections: (id: string) => `/courses/${id}/sections`,
  section: (id: string, sectionId: string) => `/courses/${id}/sections/${sectionId}`,
  activities: (id: string, sectionId: string) => `/courses/${id}/sections/${sectionId}/activities`,
  activity: (id: string, activityId: string) => `/courses/${id}/activities/${activityId}`,
  structure: (id: string) => `/courses/${id}/structure`,
};

const relative = (path: string) => (path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : path);

/** The content contract's paths (which include `/api`) in the same relative form. */
export const contentApiPaths = {
  package: (courseId: string, activityId: string) => relative(contentPaths.package(courseId, activityId)),
  validatePackage: (courseId: string, activityId: string) => relative(contentPaths.validatePackage(courseId, activityId)),
  packageVersions: (courseId: string, activityId: string) => relative(contentPaths.packageVersions(courseId, activityId)),
  file: (courseId: string, activityId: string) => relative(contentPaths.file(courseId, activityId)),
  launch: (courseId: string, activityId: string) => relative(contentPaths.launch(courseId, activityId)),
  cover: (courseId: string) => relative(contentPaths.cover(courseId)),
};
