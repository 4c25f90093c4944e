import { Body, Controller, Delete, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse, ZodValidationPipe } from 'nestjs-zod';
import {
  ZCourseActivity,
  ZCourseActivityParams,
  ZCourseDetail,
  ZCourseSection,
  ZCourseSectionParams,
  ZCourseStructureRequest,
  ZCreateActivityRequest,
  ZCreateSectionRequest,
  ZUpdateActivityRequest,
  ZUpdateSectionRequest,
} from '@asah/contracts/courses';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { CourseContentService } from './course-content.service';

class CourseDetailDto extends createZodDto(ZCourseDetail) {}
class SectionDto extends createZodDto(ZCourseSection) {}
// Unions cannot be extended into classes; these are used as they come, and the create body gets its pipe explicitly.
const ActivityDto = createZodDto(ZCourseActivity);
const CreateActivityDto = createZodDto(ZCreateActivityRequest);
class SectionParamsDto extends createZodDto(ZCourseSectionParams) {}
class ActivityParamsDto extends createZodDto(ZCourseActivityParams) {}
class CreateSectionDto extends createZodDto(ZCreateSectionRequest) {}
class UpdateSectionDto extends createZodDto(ZUpdateSectionRequest) {}
class UpdateActivityDto extends createZodDto(ZUpdateActivityRequest) {}
class CourseStructureDto extends createZodDto(ZCourseStructureRequest) {}

/** A course's sections (modules), activities and their order. Same reach as editing the course. */
@ApiTags('courses')
@Controller('courses/:id')
@Roles('instructor', 'agency_admin', 'platform_admin')
export class CourseContentController {
  constructor(private readonly content: CourseContentService) {}

  @Post('sections')
  @ZodResponse({ status: 201, type: SectionDto })
  addSection(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: CreateSectionDto) {
    return this.content.addSection(actor, id, body);
  }

  @Patch('sections/:sectionId')
  @ZodResponse({ type: SectionDto })
  updateSection(@CurrentActor() actor: Actor, @Param() { id, sectionId }: SectionParamsDto, @Body() body: UpdateSectionDto) {
    return this.content.updateSection(actor, id, sectionId, body);
  }

  /** Only an empty section (SECTION_NOT_EMPTY otherwise). */
  @Delete('sections/:sectionId')
  @HttpCode(204)
  async removeSection(@CurrentActor() actor: Actor, @Param() { id, sectionId }: SectionParamsDto): Promise<void> {
    await this.content.removeSection(actor, id, sectionId);
  }

  @Post('sections/:sectionId/activities')
  @ApiBody({ type: CreateActivityDto })
  @ZodResponse({ status: 201, type: ActivityDto })
  addActivity(
    @CurrentActor() actor: Actor,
    @Param() { id, sectionId }: SectionParamsDto,
    @Body(new ZodValidationPipe(CreateActivityDto)) body: ReturnType<typeof ZCreateActivityRequest.parse>,
  ) {
    return this.content.addActivity(actor, id, sectionId, body);
  }

  @Patch('activities/:activityId')
  @ZodResponse({ type: ActivityDto })
  updateActivity(@CurrentActor() actor: Actor, @Param() { id, activityId }: ActivityParamsDto, @Body() body: UpdateActivityDto) {
    return this.content.updateActivity(actor, id, activityId, body);
  }

  @Delete('activities/:activityId')
  @HttpCode(204)
  async removeActivity(@CurrentActor() actor: Actor, @Param() { id, activityId }: ActivityParamsDto): Promise<void> {
    await this.content.removeActivity(actor, id, activityId);
  }

  /** The drag-and-drop result: the whole structure, applied at once or not at all. */
  @Put('structure')
  @ZodResponse({ type: CourseDetailDto })
  setStructure(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: CourseStructureDto) {
    return this.content.setStructure(actor, id, body);
  }
}
