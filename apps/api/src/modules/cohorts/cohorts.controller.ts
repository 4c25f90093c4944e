import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { ZCohort, ZCohortList, ZCreateCohortRequest, ZUpdateCohortRequest } from '@asah/contracts/cohorts';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { CohortsService } from './cohorts.service';

class CohortDto extends createZodDto(ZCohort) {}
class CohortListDto extends createZodDto(ZCohortList) {}
class CreateCohortDto extends createZodDto(ZCreateCohortRequest) {}
class UpdateCohortDto extends createZodDto(ZUpdateCohortRequest) {}

/** Cohorts (angkatan): admins plan them; instructors who reach the course read them. */
@ApiTags('cohorts')
@Controller()
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Get('courses/:id/cohorts')
  @Roles('instructor', 'agency_admin', 'platform_admin')
  @ZodResponse({ type: CohortListDto })
  list(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.cohorts.list(actor, id);
  }

  @Post('courses/:id/cohorts')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ status: 201, type: CohortDto })
  create(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: CreateCohortDto) {
    return this.cohorts.create(actor, id, body);
  }

  @Get('cohorts/:id')
  @Roles('instructor', 'agency_admin', 'platform_admin')
  @ZodResponse({ type: CohortDto })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.cohorts.get(actor, id);
  }

  @Patch('cohorts/:id')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: CohortDto })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateCohortDto) {
    return this.cohorts.update(actor, id, body);
  }

  /** Only a cohort without enrolment records (COHORT_NOT_EMPTY otherwise). */
  @Delete('cohorts/:id')
  @Roles('agency_admin', 'platform_admin')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    await this.cohorts.remove(actor, id);
  }
}
