import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { JpModule } from '../jp/jp.module';
import { ClassroomController } from './classroom.controller';
import { ClassroomService } from './classroom.service';

@Module({
  imports: [CoursesModule, EnrolmentsModule, JpModule],
  controllers: [ClassroomController],
  providers: [ClassroomService],
  exports: [ClassroomService],
})
export class ClassroomModule {}
