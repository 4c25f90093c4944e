import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse, ZodValidationPipe } from 'nestjs-zod';
import {
  ZBulkEnrolCsvFields,
  ZBulkEnrolReport,
  ZBulkEnrolRequest,
  ZCourseEnrolmentQuery,
  ZCourseEnrolmentSettings,
  ZEnrolmentRowPage,
  ZUpdateCourseEnrolmentSettingsRequest,
} from '@asah/contracts/enrolments';
import { IMPORT_MAX_BYTES } from '@asah/contracts/user-import';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { DomainError } from '../../common/errors/domain-error';
import { BulkEnrolmentService } from './bulk-enrolment.service';
import { CourseEnrolmentsService } from './course-enrolments.service';
import { parseNipCsv } from './nip-list';

class SettingsDto extends createZodDto(ZCourseEnrolmentSettings) {}
class UpdateSettingsDto extends createZodDto(ZUpdateCourseEnrolmentSettingsRequest) {}
class EnrolmentRowPageDto extends createZodDto(ZEnrolmentRowPage) {}
class CourseEnrolmentQueryDto extends createZodDto(ZCourseEnrolmentQuery) {}
class BulkReportDto extends createZodDto(ZBulkEnrolReport) {}
class BulkCsvFieldsDto extends createZodDto(ZBulkEnrolCsvFields) {}
// A union cannot be extended into a class; its pipe is given explicitly.
const BulkRequestDto = createZodDto(ZBulkEnrolRequest);

const csvUpload = FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5 } });

/** A course's enrolment settings, its enrolments, and admin enrolment in bulk. */
@ApiTags('enrolments')
@Controller('courses/:id')
export class CourseEnrolmentsController {
  constructor(
    private readonly courseEnrolments: CourseEnrolmentsService,
    private readonly bulkEnrolment: BulkEnrolmentService,
  ) {}

  @Get('enrolment-settings')
  @Roles('instructor', 'agency_admin', 'platform_admin')
  @ZodResponse({ type: SettingsDto })
  settings(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.courseEnrolments.settings(actor, id);
  }

  @Put('enrolment-settings')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: SettingsDto })
  updateSettings(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateSettingsDto) {
    return this.courseEnrolments.updateSettings(actor, id, body);
  }

  @Get('enrolments')
  @Roles('instructor', 'agency_admin', 'platform_admin')
  @ZodResponse({ type: EnrolmentRowPageDto })
  list(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Query() query: CourseEnrolmentQueryDto) {
    return this.courseEnrolments.list(actor, id, query);
  }

  /** By organisation criteria, user ids or pasted NIPs; `dryRun` answers the report without enrolling. */
  @Post('enrolments/bulk')
  @Roles('agency_admin', 'platform_admin')
  @HttpCode(200)
  @ApiBody({ type: BulkRequestDto })
  @ZodResponse({ status: 200, type: BulkReportDto })
  bulk(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body(new ZodValidationPipe(BulkRequestDto)) body: ReturnType<typeof ZBulkEnrolRequest.parse>) {
    return this.bulkEnrolment.bulk(actor, id, body);
  }

  /** NIPs from a CSV file (`file`: a `nip` column, or only NIPs), with a per-row report. */
  @Post('enrolments/bulk/csv')
  @Roles('agency_admin', 'platform_admin')
  @HttpCode(200)
  @UseInterceptors(csvUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, cohortId: { type: 'string', format: 'uuid' }, deadline: { type: 'string', format: 'date' }, dryRun: { type: 'string', enum: ['true', 'false'] } },
    },
  })
  @ZodResponse({ status: 200, type: BulkReportDto })
  bulkCsv(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() fields: BulkCsvFieldsDto, @UploadedFile() file?: { buffer: Buffer }) {
    if (!file) throw new DomainError('IMPORT_INVALID_FILE', 'Attach a CSV file in the "file" field', [{ field: 'file', code: 'REQUIRED', message: 'Attach a CSV file' }]);
    return this.bulkEnrolment.bulkCsv(actor, id, fields, parseNipCsv(file.buffer));
  }
}
