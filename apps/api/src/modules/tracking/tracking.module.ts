import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { CoursesModule } from '../courses/courses.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { CourseRollupService } from './course-rollup.service';
import { LaunchService } from './launch.service';
import { LearningController } from './learning.controller';
import { ProgressController } from './progress.controller';
import { ProgressService } from './progress.service';
import { RuntimeRoutes } from './runtime-routes';
import { RuntimeService } from './runtime.service';

/** SCORM runtime (content origin `/rt/...`), attempts, rollup to the course, progress views (issue 4). */
@Module({
  imports: [ContentModule, CoursesModule, EnrolmentsModule],
  controllers: [LearningController, ProgressController],
  providers: [CourseRollupService, LaunchService, ProgressService, RuntimeService, RuntimeRoutes],
  exports: [CourseRollupService],
})
export class TrackingModule {}
