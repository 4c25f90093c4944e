import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  ZActivitySessionsParams,
  ZAttendanceQuery,
  ZAttendanceSheet,
  ZCheckInCode,
  ZCheckInRequest,
  ZCheckInResult,
  ZClassroomSession,
  ZClassroomSessionList,
  ZCreateSessionRequest,
  ZMySessionPage,
  ZMySessionQuery,
  ZSessionListQuery,
  ZSetAttendanceRequest,
  ZUpdateSessionRequest,
} from '@asah/contracts/classroom';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { ClassroomService } from './classroom.service';

class SessionDto extends createZodDto(ZClassroomSession) {}
class SessionListDto extends createZodDto(ZClassroomSessionList) {}
class SessionListQueryDto extends createZodDto(ZSessionListQuery) {}
class ActivitySessionsParamsDto extends createZodDto(ZActivitySessionsParams) {}
class CreateSessionDto extends createZodDto(ZCreateSessionRequest) {}
class UpdateSessionDto extends createZodDto(ZUpdateSessionRequest) {}
class AttendanceSheetDto extends createZodDto(ZAttendanceSheet) {}
class AttendanceQueryDto extends createZodDto(ZAttendanceQuery) {}
class SetAttendanceDto extends createZodDto(ZSetAttendanceRequest) {}
class CheckInCodeDto extends createZodDto(ZCheckInCode) {}
class CheckInRequestDto extends createZodDto(ZCheckInRequest) {}
class CheckInResultDto extends createZodDto(ZCheckInResult) {}
class MySessionPageDto extends createZodDto(ZMySessionPage) {}
class MySessionQueryDto extends createZodDto(ZMySessionQuery) {}

const AUTHORS = ['instructor', 'agency_admin', 'platform_admin'] as const;

/** Classroom sessions of classroom activities, attendance (checklist or QR check-in) and the learner's schedule. */
@ApiTags('classroom')
@Controller()
export class ClassroomController {
  constructor(private readonly classroom: ClassroomService) {}

  @Get('courses/:id/activities/:activityId/sessions')
  @Roles(...AUTHORS)
  @ZodResponse({ type: SessionListDto })
  list(@CurrentActor() actor: Actor, @Param() { id, activityId }: ActivitySessionsParamsDto, @Query() query: SessionListQueryDto) {
    return this.classroom.list(actor, id, activityId, query.cohortId);
  }

  @Post('courses/:id/activities/:activityId/sessions')
  @Roles(...AUTHORS)
  @ZodResponse({ status: 201, type: SessionDto })
  create(@CurrentActor() actor: Actor, @Param() { id, activityId }: ActivitySessionsParamsDto, @Body() body: CreateSessionDto) {
    return this.classroom.create(actor, id, activityId, body);
  }

  @Get('sessions/:id')
  @Roles(...AUTHORS)
  @ZodResponse({ type: SessionDto })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.classroom.get(actor, id);
  }

  @Patch('sessions/:id')
  @Roles(...AUTHORS)
  @ZodResponse({ type: SessionDto })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateSessionDto) {
    return this.classroom.update(actor, id, body);
  }

  /** Only a session nobody attended (SESSION_HAS_ATTENDANCE otherwise). */
  @Delete('sessions/:id')
  @Roles(...AUTHORS)
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    await this.classroom.remove(actor, id);
  }

  /** The checklist: expected learners by name, each present or not. */
  @Get('sessions/:id/attendance')
  @Roles(...AUTHORS)
  @ZodResponse({ type: AttendanceSheetDto })
  sheet(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Query() query: AttendanceQueryDto) {
    return this.classroom.sheet(actor, id, query);
  }

  @Put('sessions/:id/attendance')
  @Roles(...AUTHORS)
  @ZodResponse({ type: AttendanceSheetDto })
  setAttendance(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: SetAttendanceDto) {
    return this.classroom.setAttendance(actor, id, body);
  }

  /** The current check-in code and URL for the QR code on the instructor's screen (changes every minute). */
  @Get('sessions/:id/check-in-code')
  @Roles(...AUTHORS)
  @ZodResponse({ type: CheckInCodeDto })
  code(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.classroom.code(actor, id);
  }

  @Post('sessions/:id/check-in')
  @Roles('learner')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: CheckInResultDto })
  checkIn(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: CheckInRequestDto) {
    return this.classroom.checkIn(actor, id, body.code);
  }

  /** "Jadwal": the sessions of the learner's courses from today on. */
  @Get('me/sessions')
  @Roles('learner')
  @ZodResponse({ type: MySessionPageDto })
  mine(@CurrentActor() actor: Actor, @Query() query: MySessionQueryDto) {
    return this.classroom.mine(actor, query);
  }
}
