import { Module } from '@nestjs/common';
import { CourseAccessService } from './course-access.service';
import { CourseContentController } from './course-content.controller';
import { CourseContentService } from './course-content.service';
import { CoursesController } from './courses.controller';
import { CoursesService } from './courses.service';

@Module({
  controllers: [CoursesController, CourseContentController],
  providers: [CourseAccessService, CoursesService, CourseContentService],
  exports: [CourseAccessService],
})
export class CoursesModule {}
