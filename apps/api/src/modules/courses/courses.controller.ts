import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  ZCourseDetail,
  ZCourseInstructorList,
  ZCourseListQuery,
  ZCourseOutline,
  ZCoursePage,
  ZCreateCourseRequest,
  ZSetInstructorsRequest,
  ZUpdateCourseRequest,
} from '@asah/contracts/courses';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { CoursesService } from './courses.service';

class CourseDetailDto extends createZodDto(ZCourseDetail) {}
class CoursePageDto extends createZodDto(ZCoursePage) {}
class CourseListQueryDto extends createZodDto(ZCourseListQuery) {}
class CourseOutlineDto extends createZodDto(ZCourseOutline) {}
class CreateCourseDto extends createZodDto(ZCreateCourseRequest) {}
class UpdateCourseDto extends createZodDto(ZUpdateCourseRequest) {}
class CourseInstructorListDto extends createZodDto(ZCourseInstructorList) {}
class SetInstructorsDto extends createZodDto(ZSetInstructorsRequest) {}

/**
 * Course authoring. Instructors reach the courses they are assigned to; agency admins their
 * agency's; both read platform-wide ones (see CourseAccessService). Learners have no route here.
 */
@ApiTags('courses')
@Controller('courses')
@Roles('instructor', 'agency_admin', 'platform_admin')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Get()
  @ZodResponse({ type: CoursePageDto })
  list(@CurrentActor() actor: Actor, @Query() query: CourseListQueryDto) {
    return this.courses.list(actor, query);
  }

  @Post()
  @ZodResponse({ status: 201, type: CourseDetailDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateCourseDto) {
    return this.courses.create(actor, body);
  }

  @Get(':id')
  @ZodResponse({ type: CourseDetailDto })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.courses.get(actor, id);
  }

  @Patch(':id')
  @ZodResponse({ type: CourseDetailDto })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateCourseDto) {
    return this.courses.update(actor, id, body);
  }

  @Delete(':id')
  @Roles('agency_admin', 'platform_admin')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    await this.courses.remove(actor, id);
  }

  @Post(':id/publish')
  @ZodResponse({ status: 200, type: CourseDetailDto })
  publish(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.courses.publish(actor, id);
  }

  @Post(':id/archive')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ status: 200, type: CourseDetailDto })
  archive(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.courses.archive(actor, id);
  }

  @Post(':id/unarchive')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ status: 200, type: CourseDetailDto })
  unarchive(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.courses.unarchive(actor, id);
  }

  @Get(':id/instructors')
  @ZodResponse({ type: CourseInstructorListDto })
  instructors(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.courses.instructors(actor, id);
  }

  @Put(':id/instructors')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: CourseInstructorListDto })
  setInstructors(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: SetInstructorsDto) {
    return this.courses.setInstructors(actor, id, body);
  }

  /** The learner's view, for the admin portal's "preview as learner". */
  @Get(':id/outline')
  @ZodResponse({ type: CourseOutlineDto })
  outline(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.courses.outline(actor, id);
  }
}
