import { Module } from '@nestjs/common';
import { EnrolmentsModule } from '../enrolments/enrolments.module';
import { JobsService } from './jobs.service';
import { MailOutbox } from './mail-outbox';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RemindersService } from './reminders.service';

@Module({
  imports: [EnrolmentsModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, MailOutbox, RemindersService, JobsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
