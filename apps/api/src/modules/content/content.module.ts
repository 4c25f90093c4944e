import { Module } from '@nestjs/common';
import { CoursesModule } from '../courses/courses.module';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { ContentAccess } from './content-access';
import { ContentController } from './content.controller';
import { ContentOrigin } from './content-origin';
import { ContentService } from './content.service';
import { PackageImportService } from './package-import.service';

@Module({
  imports: [CoursesModule, EnrolmentsModule],
  controllers: [ContentController],
  providers: [ContentAccess, ContentService, PackageImportService, ContentOrigin],
  exports: [ContentOrigin, PackageImportService],
})
export class ContentModule {}
