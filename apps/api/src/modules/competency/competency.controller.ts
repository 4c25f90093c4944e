import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiBodyOptions, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  ASSESSMENT_IMPORT_MAX_BYTES,
  ZAgencyQuery,
  ZAssessment,
  ZAssessmentImportFields,
  ZAssessmentImportReport,
  ZAssessmentList,
  ZCompetency,
  ZCompetencyList,
  ZCompetencyListQuery,
  ZCompetencyProfile,
  ZCompetencySettings,
  ZCourseTargetList,
  ZCreateAssessmentRequest,
  ZCreateCompetencyRequest,
  ZDictionaryExportQuery,
  ZDictionaryImportFields,
  ZDictionaryImportReport,
  ZFlaggedEvidenceList,
  ZPositionIdParam,
  ZProfileQuery,
  ZSetCourseTargetsRequest,
  ZSetStandardRequest,
  ZStandardRow,
  ZStandardsGrid,
  ZStandardsQuery,
  ZUpdateCompetencyRequest,
  ZUpdateCompetencySettingsRequest,
} from '@asah/contracts/competency';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { DomainError } from '../../common/errors/domain-error';
import { AssessmentsService } from './assessments.service';
import { DictionaryService } from './dictionary.service';
import { ProfileService } from './profile.service';
import { CompetencySettingsService } from './settings.service';
import { StandardsService } from './standards.service';

class CompetencyDto extends createZodDto(ZCompetency) {}
class CompetencyListDto extends createZodDto(ZCompetencyList) {}
class CompetencyListQueryDto extends createZodDto(ZCompetencyListQuery) {}
class CreateCompetencyDto extends createZodDto(ZCreateCompetencyRequest) {}
class UpdateCompetencyDto extends createZodDto(ZUpdateCompetencyRequest) {}
class DictionaryExportQueryDto extends createZodDto(ZDictionaryExportQuery) {}
class DictionaryImportFieldsDto extends createZodDto(ZDictionaryImportFields) {}
class DictionaryImportReportDto extends createZodDto(ZDictionaryImportReport) {}
class AgencyQueryDto extends createZodDto(ZAgencyQuery) {}
class SettingsDto extends createZodDto(ZCompetencySettings) {}
class UpdateSettingsDto extends createZodDto(ZUpdateCompetencySettingsRequest) {}
class StandardsGridDto extends createZodDto(ZStandardsGrid) {}
class StandardsQueryDto extends createZodDto(ZStandardsQuery) {}
class StandardRowDto extends createZodDto(ZStandardRow) {}
class SetStandardDto extends createZodDto(ZSetStandardRequest) {}
class PositionIdParamDto extends createZodDto(ZPositionIdParam) {}
class AssessmentDto extends createZodDto(ZAssessment) {}
class AssessmentListDto extends createZodDto(ZAssessmentList) {}
class CreateAssessmentDto extends createZodDto(ZCreateAssessmentRequest) {}
class AssessmentImportFieldsDto extends createZodDto(ZAssessmentImportFields) {}
class AssessmentImportReportDto extends createZodDto(ZAssessmentImportReport) {}
class FlaggedListDto extends createZodDto(ZFlaggedEvidenceList) {}
class ProfileDto extends createZodDto(ZCompetencyProfile) {}
class ProfileQueryDto extends createZodDto(ZProfileQuery) {}
class CourseTargetListDto extends createZodDto(ZCourseTargetList) {}
class SetCourseTargetsDto extends createZodDto(ZSetCourseTargetsRequest) {}

interface UploadedFileLike {
  buffer: Buffer;
  originalname?: string;
}
const fileUpload = FileInterceptor('file', { limits: { fileSize: ASSESSMENT_IMPORT_MAX_BYTES, files: 1, fields: 5 } });
const fileBody: ApiBodyOptions = { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, agencyId: { type: 'string', format: 'uuid' } } } };

function requireFile(file: UploadedFileLike | undefined): UploadedFileLike {
  if (!file) throw new DomainError('IMPORT_INVALID_FILE', 'Attach a file in the "file" field', [{ field: 'file', code: 'REQUIRED', message: 'Attach a file' }]);
  return file;
}

const ADMINS = ['agency_admin', 'platform_admin'] as const;

/** Dictionary, settings, position standards, assessments, learner profile and course targets. */
@ApiTags('competency')
@Controller()
export class CompetencyController {
  constructor(
    private readonly dictionary: DictionaryService,
    private readonly settings: CompetencySettingsService,
    private readonly standards: StandardsService,
    private readonly assessments: AssessmentsService,
    private readonly profiles: ProfileService,
  ) {}

  // ---- dictionary ----

  /** Instructors read it too: they tag their courses with competencies. */
  @Get('competency/dictionary')
  @Roles(...ADMINS, 'instructor')
  @ZodResponse({ type: CompetencyListDto })
  list(@CurrentActor() actor: Actor, @Query() query: CompetencyListQueryDto) {
    return this.dictionary.list(actor, query);
  }

  @Get('competency/dictionary/export')
  @Roles(...ADMINS)
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ description: 'The dictionary as a file', schema: { type: 'string', format: 'binary' } })
  async exportDictionary(@CurrentActor() actor: Actor, @Query() query: DictionaryExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.dictionary.export(actor, query);
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(file.body);
  }

  @Post('competency/dictionary/import/preview')
  @HttpCode(200)
  @Roles(...ADMINS)
  @UseInterceptors(fileUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @ZodResponse({ type: DictionaryImportReportDto })
  previewDictionary(@CurrentActor() actor: Actor, @Body() fields: DictionaryImportFieldsDto, @UploadedFile() file?: UploadedFileLike) {
    return this.dictionary.importFile(actor, fields.agencyId, requireFile(file), false);
  }

  /** Everything or nothing: with any problem nothing is written (`committed: false`). */
  @Post('competency/dictionary/import')
  @HttpCode(200)
  @Roles(...ADMINS)
  @UseInterceptors(fileUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @ZodResponse({ type: DictionaryImportReportDto })
  importDictionary(@CurrentActor() actor: Actor, @Body() fields: DictionaryImportFieldsDto, @UploadedFile() file?: UploadedFileLike) {
    return this.dictionary.importFile(actor, fields.agencyId, requireFile(file), true);
  }

  @Post('competency/dictionary')
  @Roles(...ADMINS)
  @ZodResponse({ status: 201, type: CompetencyDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCompetencyDto) {
    return this.dictionary.create(actor, body);
  }

  @Get('competency/dictionary/:id')
  @Roles(...ADMINS, 'instructor')
  @ZodResponse({ type: CompetencyDto })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.dictionary.get(actor, id);
  }

  @Patch('competency/dictionary/:id')
  @Roles(...ADMINS)
  @ZodResponse({ type: CompetencyDto })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateCompetencyDto) {
    return this.dictionary.update(actor, id, body);
  }

  @Delete('competency/dictionary/:id')
  @HttpCode(204)
  @Roles(...ADMINS)
  async remove(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    await this.dictionary.remove(actor, id);
  }

  // ---- settings ----

  @Get('competency/settings')
  @Roles(...ADMINS)
  @ZodResponse({ type: SettingsDto })
  getSettings(@CurrentActor() actor: Actor, @Query() query: AgencyQueryDto) {
    return this.settings.get(actor, query.agencyId);
  }

  @Put('competency/settings')
  @Roles(...ADMINS)
  @ZodResponse({ type: SettingsDto })
  setSettings(@CurrentActor() actor: Actor, @Body() body: UpdateSettingsDto) {
    return this.settings.update(actor, body);
  }

  // ---- standards ----

  @Get('competency/standards')
  @Roles(...ADMINS)
  @ZodResponse({ type: StandardsGridDto })
  grid(@CurrentActor() actor: Actor, @Query() query: StandardsQueryDto) {
    return this.standards.grid(actor, query);
  }

  @Put('competency/standards/:positionId')
  @Roles(...ADMINS)
  @ZodResponse({ type: StandardRowDto })
  setStandard(@CurrentActor() actor: Actor, @Param() { positionId }: PositionIdParamDto, @Body() body: SetStandardDto) {
    return this.standards.set(actor, positionId, body);
  }

  // ---- assessments ----

  @Get('users/:id/assessments')
  @Roles(...ADMINS)
  @ZodResponse({ type: AssessmentListDto })
  history(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.assessments.history(actor, id);
  }

  @Get('me/assessments')
  @Roles('learner')
  @ZodResponse({ type: AssessmentListDto })
  myHistory(@CurrentActor() actor: Actor) {
    return this.assessments.history(actor, actor.userId);
  }

  @Post('competency/assessments')
  @Roles(...ADMINS)
  @ZodResponse({ status: 201, type: AssessmentDto })
  createAssessment(@CurrentActor() actor: Actor, @Body() body: CreateAssessmentDto) {
    return this.assessments.create(actor, body);
  }

  @Get('competency/assessments/flagged')
  @Roles(...ADMINS)
  @ZodResponse({ type: FlaggedListDto })
  flagged(@CurrentActor() actor: Actor, @Query() query: AgencyQueryDto) {
    return this.assessments.flagged(actor, query.agencyId);
  }

  @Post('competency/assessments/import/preview')
  @HttpCode(200)
  @Roles(...ADMINS)
  @UseInterceptors(fileUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @ZodResponse({ type: AssessmentImportReportDto })
  previewAssessments(@CurrentActor() actor: Actor, @Body() fields: AssessmentImportFieldsDto, @UploadedFile() file?: UploadedFileLike) {
    return this.assessments.importCsv(actor, fields.agencyId, requireFile(file).buffer, false);
  }

  /** Every row or none: with any invalid row nothing is written (`committed: false`, the report says why). */
  @Post('competency/assessments/import')
  @HttpCode(200)
  @Roles(...ADMINS)
  @UseInterceptors(fileUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody)
  @ZodResponse({ type: AssessmentImportReportDto })
  importAssessments(@CurrentActor() actor: Actor, @Body() fields: AssessmentImportFieldsDto, @UploadedFile() file?: UploadedFileLike) {
    return this.assessments.importCsv(actor, fields.agencyId, requireFile(file).buffer, true);
  }

  @Delete('competency/assessments/:id')
  @HttpCode(204)
  @Roles(...ADMINS)
  async removeAssessment(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    await this.assessments.remove(actor, id);
  }

  // ---- profile ----

  @Get('me/competency-profile')
  @Roles('learner')
  @ZodResponse({ type: ProfileDto })
  myProfile(@CurrentActor() actor: Actor, @Query() query: ProfileQueryDto) {
    return this.profiles.mine(actor, query.targetPositionId);
  }

  @Get('users/:id/competency-profile')
  @Roles(...ADMINS)
  @ZodResponse({ type: ProfileDto })
  profile(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Query() query: ProfileQueryDto) {
    return this.profiles.ofUser(actor, id, query.targetPositionId);
  }

  // ---- course targets ----

  @Get('courses/:id/competency-targets')
  @Roles(...ADMINS, 'instructor')
  @ZodResponse({ type: CourseTargetListDto })
  courseTargets(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.profiles.targets(actor, id);
  }

  /** Course editors (admins, the course's instructors); the same reach as editing the course. */
  @Put('courses/:id/competency-targets')
  @Roles(...ADMINS, 'instructor')
  @ZodResponse({ type: CourseTargetListDto })
  setCourseTargets(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: SetCourseTargetsDto) {
    return this.profiles.setTargets(actor, id, body);
  }
}
