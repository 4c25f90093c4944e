import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts/cohorts.module';
import { CoursesModule } from '../courses/courses.module';
import { BulkEnrolmentService } from '../enrolments/bulk-enrolment.service';
import { JpModule } from '../jp/jp.module';
import { AssessmentsService } from './assessments.service';
import { CompetencyController } from './competency.controller';
import { DictionaryService, NationalDictionarySeeder } from './dictionary.service';
import { EvidenceSubscriber } from './evidence.subscriber';
import { GoalsService } from './goals.service';
import { NeedsService } from './needs.service';
import { PlanningController } from './planning.controller';
import { PlansService } from './plans.service';
import { ProfileService } from './profile.service';
import { CompetencySettingsService } from './settings.service';
import { StandardsService } from './standards.service';
import { WorkloadService } from './workload.service';

@Module({
  imports: [CoursesModule, CohortsModule, JpModule],
  controllers: [CompetencyController, PlanningController],
  providers: [
    NationalDictionarySeeder,
    EvidenceSubscriber,
    DictionaryService,
    CompetencySettingsService,
    StandardsService,
    AssessmentsService,
    ProfileService,
    NeedsService,
    PlansService,
    WorkloadService,
    GoalsService,
    // Stateless; provided here rather than exported from EnrolmentsModule (programs become cohorts with it).
    BulkEnrolmentService,
  ],
  exports: [NeedsService],
})
export class CompetencyModule {}
