import { Body, Controller, Get, Param, Put, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { ZJpComplianceExportQuery, ZJpComplianceQuery, ZJpComplianceReport, ZJpSummary, ZJpTargetList, ZJpTargetQuery, ZJpYearQuery, ZSetJpTargetsRequest } from '@asah/contracts/jp-ledger';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { JpComplianceService } from './jp-compliance.service';
import { complianceCsv, complianceXlsx } from './jp-export';
import { JpLedgerService } from './jp-ledger.service';

class JpSummaryDto extends createZodDto(ZJpSummary) {}
class JpYearQueryDto extends createZodDto(ZJpYearQuery) {}
class JpTargetListDto extends createZodDto(ZJpTargetList) {}
class JpTargetQueryDto extends createZodDto(ZJpTargetQuery) {}
class SetJpTargetsDto extends createZodDto(ZSetJpTargetsRequest) {}
class JpComplianceQueryDto extends createZodDto(ZJpComplianceQuery) {}
class JpComplianceReportDto extends createZodDto(ZJpComplianceReport) {}
class JpComplianceExportQueryDto extends createZodDto(ZJpComplianceExportQuery) {}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The JP ledger: the learner's year, an employee's year for admins, targets and caps, the compliance report. */
@ApiTags('jp')
@Controller()
export class JpController {
  constructor(
    private readonly ledger: JpLedgerService,
    private readonly compliance: JpComplianceService,
  ) {}

  /** "JP tahun ini": the signed-in learner's year (the current Asia/Jakarta year by default). */
  @Get('me/jp')
  @Roles('learner')
  @ZodResponse({ type: JpSummaryDto })
  mine(@CurrentActor() actor: Actor, @Query() query: JpYearQueryDto) {
    return this.ledger.mine(actor, query.year);
  }

  @Get('users/:id/jp')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: JpSummaryDto })
  ofUser(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Query() query: JpYearQueryDto) {
    return this.ledger.ofUser(actor, id, query.year);
  }

  @Get('jp-targets')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: JpTargetListDto })
  targets(@CurrentActor() actor: Actor, @Query() query: JpTargetQueryDto) {
    return this.ledger.targets(actor, query.agencyId);
  }

  @Put('jp-targets')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: JpTargetListDto })
  setTargets(@CurrentActor() actor: Actor, @Body() body: SetJpTargetsDto) {
    return this.ledger.setTargets(actor, body);
  }

  @Get('reports/jp-compliance')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: JpComplianceReportDto })
  report(@CurrentActor() actor: Actor, @Query() query: JpComplianceQueryDto) {
    return this.compliance.report(actor, query);
  }

  /** The same rows as a file: `format=xlsx` (default) or `csv`. */
  @Get('reports/jp-compliance/export')
  @Roles('agency_admin', 'platform_admin')
  @ApiProduces(XLSX_TYPE, 'text/csv')
  @ApiOkResponse({ description: 'The report as a file', schema: { type: 'string', format: 'binary' } })
  async export(@CurrentActor() actor: Actor, @Query() query: JpComplianceExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { year, rows } = await this.compliance.allRows(actor, query);
    const csv = query.format === 'csv';
    const body = csv ? complianceCsv(rows) : await complianceXlsx(rows, year);
    res.setHeader('Content-Type', csv ? 'text/csv; charset=utf-8' : XLSX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="kepatuhan-jp-${year}.${query.format}"`);
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(body);
  }
}
