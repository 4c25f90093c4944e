import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { ZAttemptDetail, ZCourseProgressPage, ZCourseProgressQuery, ZLearnerCourseProgress, ZLearnerParams } from '@asah/contracts/tracking';
import { AnyRole, CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { ProgressService } from './progress.service';

class CourseProgressQueryDto extends createZodDto(ZCourseProgressQuery) {}
class CourseProgressPageDto extends createZodDto(ZCourseProgressPage) {}
class LearnerParamsDto extends createZodDto(ZLearnerParams) {}
class LearnerCourseProgressDto extends createZodDto(ZLearnerCourseProgress) {}
class AttemptDetailDto extends createZodDto(ZAttemptDetail) {}

/** Course progress for its editors and admins (their agency's learners), and attempt details. */
@ApiTags('progress')
@Controller()
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get('courses/:id/progress')
  @Roles('instructor', 'agency_admin', 'platform_admin')
  @ZodResponse({ type: CourseProgressPageDto })
  table(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Query() query: CourseProgressQueryDto) {
    return this.progress.table(actor, id, query);
  }

  /** The same rows (same filters, every page) as CSV for spreadsheets. */
  @Get('courses/:id/progress.csv')
  @Roles('instructor', 'agency_admin', 'platform_admin')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The progress table as CSV', schema: { type: 'string', format: 'binary' } })
  async csv(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Query() query: CourseProgressQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const body = await this.progress.csv(actor, id, query);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="progres-kursus-${id.slice(0, 8)}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(body);
  }

  @Get('courses/:id/progress/:userId')
  @Roles('instructor', 'agency_admin', 'platform_admin')
  @ZodResponse({ type: LearnerCourseProgressDto })
  learner(@CurrentActor() actor: Actor, @Param() { id, userId }: LearnerParamsDto) {
    return this.progress.learner(actor, id, userId);
  }

  /** The learner's own attempt, or (editors, admins) an attempt in their reach: SCOs, interactions, objectives, recent commits. */
  @Get('attempts/:id')
  @AnyRole()
  @ZodResponse({ type: AttemptDetailDto })
  attempt(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.progress.attempt(actor, id);
  }
}
