import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  ZAgencyQuery,
  ZCreateGoalRequest,
  ZCreatePlanRequest,
  ZCreateProgramRequest,
  ZDevelopmentGoal,
  ZDevelopmentGoalList,
  ZNeedsCellDetail,
  ZNeedsCellQuery,
  ZNeedsHeatmap,
  ZNeedsQuery,
  ZPlanActionRequest,
  ZPlanDetail,
  ZPlanList,
  ZPlanListQuery,
  ZPlanProgramParams,
  ZProgramCohortRequest,
  ZProgramCohortResult,
  ZSetWorkloadTasksRequest,
  ZUpdateGoalRequest,
  ZUpdatePlanRequest,
  ZUpdateProgramRequest,
  ZWorkloadReport,
  ZWorkloadTaskList,
  ZWorkloadTaskQuery,
} from '@asah/contracts/competency';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { jakartaDay } from '../../common/time/jakarta';
import { resolveAgency } from '../agencies/agency-scope';
import { needsXlsx, planXlsx, workloadXlsx } from './competency-export';
import { GoalsService } from './goals.service';
import { NeedsService } from './needs.service';
import { PlansService } from './plans.service';
import { WorkloadService } from './workload.service';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

class AgencyQueryDto extends createZodDto(ZAgencyQuery) {}
class NeedsQueryDto extends createZodDto(ZNeedsQuery) {}
class NeedsHeatmapDto extends createZodDto(ZNeedsHeatmap) {}
class NeedsCellQueryDto extends createZodDto(ZNeedsCellQuery) {}
class NeedsCellDetailDto extends createZodDto(ZNeedsCellDetail) {}
class PlanListQueryDto extends createZodDto(ZPlanListQuery) {}
class PlanListDto extends createZodDto(ZPlanList) {}
class PlanDetailDto extends createZodDto(ZPlanDetail) {}
class CreatePlanDto extends createZodDto(ZCreatePlanRequest) {}
class UpdatePlanDto extends createZodDto(ZUpdatePlanRequest) {}
class PlanActionDto extends createZodDto(ZPlanActionRequest) {}
class CreateProgramDto extends createZodDto(ZCreateProgramRequest) {}
class UpdateProgramDto extends createZodDto(ZUpdateProgramRequest) {}
class PlanProgramParamsDto extends createZodDto(ZPlanProgramParams) {}
class ProgramCohortDto extends createZodDto(ZProgramCohortRequest) {}
class ProgramCohortResultDto extends createZodDto(ZProgramCohortResult) {}
class WorkloadReportDto extends createZodDto(ZWorkloadReport) {}
class WorkloadTaskQueryDto extends createZodDto(ZWorkloadTaskQuery) {}
class WorkloadTaskListDto extends createZodDto(ZWorkloadTaskList) {}
class SetWorkloadTasksDto extends createZodDto(ZSetWorkloadTasksRequest) {}
class GoalDto extends createZodDto(ZDevelopmentGoal) {}
class GoalListDto extends createZodDto(ZDevelopmentGoalList) {}
class CreateGoalDto extends createZodDto(ZCreateGoalRequest) {}
class UpdateGoalDto extends createZodDto(ZUpdateGoalRequest) {}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ADMINS = ['agency_admin', 'platform_admin'] as const;

function sendXlsx(res: Response, body: Buffer, filename: string): StreamableFile {
  res.setHeader('Content-Type', XLSX_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  return new StreamableFile(body);
}

/** Needs analysis, the yearly development plan, workload analysis (admins) and the learner's development goals. */
@ApiTags('competency')
@Controller()
export class PlanningController {
  constructor(
    private readonly needs: NeedsService,
    private readonly plans: PlansService,
    private readonly workload: WorkloadService,
    private readonly goals: GoalsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  // ---- needs analysis ----

  @Get('competency/needs-analysis')
  @Roles(...ADMINS)
  @ZodResponse({ type: NeedsHeatmapDto })
  heatmap(@CurrentActor() actor: Actor, @Query() query: NeedsQueryDto) {
    return this.needs.heatmap(actor, query);
  }

  @Get('competency/needs-analysis/cell')
  @Roles(...ADMINS)
  @ZodResponse({ type: NeedsCellDetailDto })
  cell(@CurrentActor() actor: Actor, @Query() query: NeedsCellQueryDto) {
    return this.needs.cell(actor, query);
  }

  @Get('competency/needs-analysis/export')
  @Roles(...ADMINS)
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'The heatmap as a spreadsheet', schema: { type: 'string', format: 'binary' } })
  async exportNeeds(@CurrentActor() actor: Actor, @Query() query: NeedsQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const heatmap = await this.needs.heatmap(actor, query);
    return sendXlsx(res, await needsXlsx(heatmap), `analisis-kebutuhan-kompetensi-${heatmap.asOf}.xlsx`);
  }

  // ---- plans ----

  @Get('competency/plans')
  @Roles(...ADMINS)
  @ZodResponse({ type: PlanListDto })
  listPlans(@CurrentActor() actor: Actor, @Query() query: PlanListQueryDto) {
    return this.plans.list(actor, query);
  }

  @Post('competency/plans')
  @Roles(...ADMINS)
  @ZodResponse({ status: 201, type: PlanDetailDto })
  createPlan(@CurrentActor() actor: Actor, @Body() body: CreatePlanDto) {
    return this.plans.create(actor, body);
  }

  @Get('competency/plans/:id')
  @Roles(...ADMINS)
  @ZodResponse({ type: PlanDetailDto })
  getPlan(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.plans.get(actor, id);
  }

  @Patch('competency/plans/:id')
  @Roles(...ADMINS)
  @ZodResponse({ type: PlanDetailDto })
  updatePlan(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdatePlanDto) {
    return this.plans.update(actor, id, body);
  }

  /** submit (draft → submitted), approve / reject (head of agency), revise (rejected → draft). */
  @Post('competency/plans/:id/actions')
  @HttpCode(200)
  @Roles(...ADMINS)
  @ZodResponse({ type: PlanDetailDto })
  act(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: PlanActionDto) {
    return this.plans.act(actor, id, body);
  }

  @Get('competency/plans/:id/export')
  @Roles(...ADMINS)
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'The plan as a spreadsheet', schema: { type: 'string', format: 'binary' } })
  async exportPlan(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const plan = await this.plans.get(actor, id);
    return sendXlsx(res, await planXlsx(plan), `rencana-pengembangan-kompetensi-${plan.year}.xlsx`);
  }

  @Post('competency/plans/:id/programs')
  @Roles(...ADMINS)
  @ZodResponse({ status: 201, type: PlanDetailDto })
  addProgram(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: CreateProgramDto) {
    return this.plans.addProgram(actor, id, body);
  }

  @Patch('competency/plans/:id/programs/:programId')
  @Roles(...ADMINS)
  @ZodResponse({ type: PlanDetailDto })
  updateProgram(@CurrentActor() actor: Actor, @Param() { id, programId }: PlanProgramParamsDto, @Body() body: UpdateProgramDto) {
    return this.plans.updateProgram(actor, id, programId, body);
  }

  @Delete('competency/plans/:id/programs/:programId')
  @Roles(...ADMINS)
  @ZodResponse({ type: PlanDetailDto })
  removeProgram(@CurrentActor() actor: Actor, @Param() { id, programId }: PlanProgramParamsDto) {
    return this.plans.removeProgram(actor, id, programId);
  }

  @Post('competency/plans/:id/programs/:programId/cohort')
  @Roles(...ADMINS)
  @ZodResponse({ status: 201, type: ProgramCohortResultDto })
  toCohort(@CurrentActor() actor: Actor, @Param() { id, programId }: PlanProgramParamsDto, @Body() body: ProgramCohortDto) {
    return this.plans.toCohort(actor, id, programId, body);
  }

  // ---- workload ----

  @Get('competency/workload')
  @Roles(...ADMINS)
  @ZodResponse({ type: WorkloadReportDto })
  workloadReport(@CurrentActor() actor: Actor, @Query() query: AgencyQueryDto) {
    return this.workload.report(actor, query.agencyId);
  }

  @Get('competency/workload/tasks')
  @Roles(...ADMINS)
  @ZodResponse({ type: WorkloadTaskListDto })
  workloadTasks(@CurrentActor() actor: Actor, @Query() query: WorkloadTaskQueryDto) {
    return this.workload.tasks(actor, query.unitId, query.positionId);
  }

  @Put('competency/workload/tasks')
  @Roles(...ADMINS)
  @ZodResponse({ type: WorkloadTaskListDto })
  setWorkloadTasks(@CurrentActor() actor: Actor, @Body() body: SetWorkloadTasksDto) {
    return this.workload.setTasks(actor, body);
  }

  @Get('competency/workload/export')
  @Roles(...ADMINS)
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ description: 'The workload analysis as a spreadsheet', schema: { type: 'string', format: 'binary' } })
  async exportWorkload(@CurrentActor() actor: Actor, @Query() query: AgencyQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const report = await this.workload.report(actor, query.agencyId);
    const agencyId = await resolveAgency(this.db.manager, actor, report.agencyId);
    const units: { id: string; name: string }[] = await this.db.query(`SELECT id, name FROM units WHERE agency_id = $1`, [agencyId]);
    return sendXlsx(res, await workloadXlsx(report, new Map(units.map((u) => [u.id, u.name]))), `analisis-beban-kerja-${jakartaDay()}.xlsx`);
  }

  // ---- individual development plan ----

  @Get('me/development-goals')
  @Roles('learner')
  @ZodResponse({ type: GoalListDto })
  myGoals(@CurrentActor() actor: Actor) {
    return this.goals.mine(actor);
  }

  @Post('me/development-goals')
  @Roles('learner')
  @ZodResponse({ status: 201, type: GoalDto })
  createGoal(@CurrentActor() actor: Actor, @Body() body: CreateGoalDto) {
    return this.goals.create(actor, body);
  }

  @Patch('me/development-goals/:id')
  @Roles('learner')
  @ZodResponse({ type: GoalDto })
  updateGoal(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateGoalDto) {
    return this.goals.update(actor, id, body);
  }

  @Delete('me/development-goals/:id')
  @HttpCode(204)
  @Roles('learner')
  async removeGoal(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    await this.goals.remove(actor, id);
  }

  @Get('users/:id/development-goals')
  @Roles(...ADMINS)
  @ZodResponse({ type: GoalListDto })
  goalsOf(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.goals.ofUser(actor, id);
  }
}
