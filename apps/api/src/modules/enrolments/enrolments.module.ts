import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { JpModule } from '../jp/jp.module';
import { ApprovalsService } from './approvals.service';
import { BulkEnrolmentService } from './bulk-enrolment.service';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { CourseEnrolmentsController } from './course-enrolments.controller';
import { CourseEnrolmentsService } from './course-enrolments.service';
import { EnrolmentRulesController } from './enrolment-rules.controller';
import { EnrolmentRulesService } from './enrolment-rules.service';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';

@Module({
  imports: [CoursesModule, JpModule],
  controllers: [CatalogueController, EnrolmentsController, CourseEnrolmentsController, EnrolmentRulesController],
  providers: [CatalogueService, EnrolmentsService, ApprovalsService, BulkEnrolmentService, CourseEnrolmentsService, EnrolmentRulesService],
  exports: [EnrolmentsService],
})
export class EnrolmentsModule {}
