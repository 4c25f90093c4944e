import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  ZApplyEnrolmentRuleRequest,
  ZBulkEnrolReport,
  ZCreateEnrolmentRuleRequest,
  ZEnrolmentRule,
  ZEnrolmentRuleListQuery,
  ZEnrolmentRulePage,
  ZUpdateEnrolmentRuleRequest,
} from '@asah/contracts/enrolments';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { EnrolmentRulesService } from './enrolment-rules.service';

class RuleDto extends createZodDto(ZEnrolmentRule) {}
class RulePageDto extends createZodDto(ZEnrolmentRulePage) {}
class RuleListQueryDto extends createZodDto(ZEnrolmentRuleListQuery) {}
class CreateRuleDto extends createZodDto(ZCreateEnrolmentRuleRequest) {}
class UpdateRuleDto extends createZodDto(ZUpdateEnrolmentRuleRequest) {}
class ApplyRuleDto extends createZodDto(ZApplyEnrolmentRuleRequest) {}
class BulkReportDto extends createZodDto(ZBulkEnrolReport) {}

/** Saved enrolment rules of an agency, applied on demand. */
@ApiTags('enrolments')
@Controller('enrolment-rules')
@Roles('agency_admin', 'platform_admin')
export class EnrolmentRulesController {
  constructor(private readonly rules: EnrolmentRulesService) {}

  @Get()
  @ZodResponse({ type: RulePageDto })
  list(@CurrentActor() actor: Actor, @Query() query: RuleListQueryDto) {
    return this.rules.list(actor, query);
  }

  @Post()
  @ZodResponse({ status: 201, type: RuleDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateRuleDto) {
    return this.rules.create(actor, body);
  }

  @Get(':id')
  @ZodResponse({ type: RuleDto })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.rules.get(actor, id);
  }

  @Patch(':id')
  @ZodResponse({ type: RuleDto })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateRuleDto) {
    return this.rules.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    await this.rules.remove(actor, id);
  }

  /** Enrols the people who match now; `dryRun` answers the report only. */
  @Post(':id/apply')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: BulkReportDto })
  apply(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: ApplyRuleDto) {
    return this.rules.apply(actor, id, body);
  }
}
