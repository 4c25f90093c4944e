import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { ZActivityContent, ZActivityIdParams, ZActivityViewed, ZCourseIdParams, ZCourseProgress, ZCourseProgressList, ZLaunch, ZLaunchAttemptRequest } from '@asah/contracts/tracking';
import { AnyRole, CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { LaunchService } from './launch.service';
import { ProgressService } from './progress.service';

class ActivityIdParamsDto extends createZodDto(ZActivityIdParams) {}
class CourseIdParamsDto extends createZodDto(ZCourseIdParams) {}
class LaunchAttemptRequestDto extends createZodDto(ZLaunchAttemptRequest) {}
class LaunchDto extends createZodDto(ZLaunch) {}
class ActivityViewedDto extends createZodDto(ZActivityViewed) {}
class ActivityContentDto extends createZodDto(ZActivityContent) {}
class CourseProgressDto extends createZodDto(ZCourseProgress) {}
class CourseProgressListDto extends createZodDto(ZCourseProgressList) {}

/** The learner side of issue 4: launching SCORM attempts, opening other activities, own progress. */
@ApiTags('learning')
@Controller('learning')
export class LearningController {
  constructor(
    private readonly launches: LaunchService,
    private readonly progress: ProgressService,
  ) {}

  /** The attempt to play (latest, or new per the attempt policy) and the launcher URL with its attempt token. Editors get a preview. */
  @Post('activities/:activityId/launch')
  @AnyRole()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: LaunchDto })
  launch(@CurrentActor() actor: Actor, @Param() { activityId }: ActivityIdParamsDto, @Body() body: LaunchAttemptRequestDto) {
    return this.launches.launch(actor, activityId, body ?? {});
  }

  /** A page, file or video activity was opened: it counts as done for the course rule. */
  @Post('activities/:activityId/viewed')
  @AnyRole()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: ActivityViewedDto })
  viewed(@CurrentActor() actor: Actor, @Param() { activityId }: ActivityIdParamsDto) {
    return this.launches.viewed(actor, activityId);
  }

  /** The page text or the file's name and size of a page, file or video activity, for the learner player. */
  @Get('activities/:activityId/content')
  @AnyRole()
  @ZodResponse({ type: ActivityContentDto })
  content(@CurrentActor() actor: Actor, @Param() { activityId }: ActivityIdParamsDto) {
    return this.launches.content(actor, activityId);
  }

  /** "Pembelajaran Saya": progress of every course the learner has a place in. */
  @Get('progress')
  @Roles('learner')
  @ZodResponse({ type: CourseProgressListDto })
  mine(@CurrentActor() actor: Actor) {
    return this.progress.mine(actor);
  }

  /** Usually answered by the fast lane (learning.fast-routes.ts) with the same call. */
  @Get('courses/:courseId/progress')
  @Roles('learner')
  @ZodResponse({ type: CourseProgressDto })
  course(@CurrentActor() actor: Actor, @Param() { courseId }: CourseIdParamsDto) {
    return this.progress.myCourse(actor, courseId);
  }
}
