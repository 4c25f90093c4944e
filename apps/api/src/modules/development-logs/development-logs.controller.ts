import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { UPLOAD_FIELD } from '@asah/contracts/content';
import {
  PROOF_MAX_BYTES,
  ZCreateDevelopmentLogFields,
  ZDecideDevelopmentLogRequest,
  ZDevelopmentLog,
  ZDevelopmentLogPage,
  ZDevelopmentLogQueueQuery,
  ZDevelopmentLogRow,
  ZDevelopmentLogRowPage,
  ZMyDevelopmentLogQuery,
  ZRejectDevelopmentLogRequest,
} from '@asah/contracts/development-logs';
import { AnyRole, CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { DevelopmentLogsService, type UploadedProof } from './development-logs.service';

class CreateFieldsDto extends createZodDto(ZCreateDevelopmentLogFields) {}
class LogDto extends createZodDto(ZDevelopmentLog) {}
class LogPageDto extends createZodDto(ZDevelopmentLogPage) {}
class MyQueryDto extends createZodDto(ZMyDevelopmentLogQuery) {}
class RowDto extends createZodDto(ZDevelopmentLogRow) {}
class RowPageDto extends createZodDto(ZDevelopmentLogRowPage) {}
class QueueQueryDto extends createZodDto(ZDevelopmentLogQueueQuery) {}
class DecideDto extends createZodDto(ZDecideDevelopmentLogRequest) {}
class RejectDto extends createZodDto(ZRejectDevelopmentLogRequest) {}

const proofUpload = FileInterceptor(UPLOAD_FIELD, { limits: { fileSize: PROOF_MAX_BYTES, files: 1, fields: 12 } });
const text = { type: 'string' } as const;

/** Development done outside the platform: logged with a proof by the learner, decided by their approvers. */
@ApiTags('development logs')
@Controller()
export class DevelopmentLogsController {
  constructor(private readonly logs: DevelopmentLogsService) {}

  @Post('me/development-logs')
  @Roles('learner')
  @UseInterceptors(proofUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['form', 'title', 'startedOn', 'endedOn', UPLOAD_FIELD],
      properties: {
        form: text,
        title: text,
        organiser: text,
        startedOn: { type: 'string', format: 'date' },
        endedOn: { type: 'string', format: 'date' },
        hours: text,
        jp: text,
        description: text,
        [UPLOAD_FIELD]: { type: 'string', format: 'binary' },
      },
    },
  })
  @ZodResponse({ status: 201, type: LogDto })
  submit(@CurrentActor() actor: Actor, @Body() fields: CreateFieldsDto, @UploadedFile() file?: UploadedProof) {
    return this.logs.submit(actor, fields, file);
  }

  @Get('me/development-logs')
  @Roles('learner')
  @ZodResponse({ type: LogPageDto })
  mine(@CurrentActor() actor: Actor, @Query() query: MyQueryDto) {
    return this.logs.mine(actor, query);
  }

  @Post('development-logs/:id/withdraw')
  @Roles('learner')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: LogDto })
  withdraw(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.logs.withdraw(actor, id);
  }

  /** Logs waiting for (or decided by) the caller as unit head or admin. */
  @Get('development-logs')
  @AnyRole()
  @ZodResponse({ type: RowPageDto })
  queue(@CurrentActor() actor: Actor, @Query() query: QueueQueryDto) {
    return this.logs.queue(actor, query);
  }

  @Post('development-logs/:id/approve')
  @AnyRole()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: RowDto })
  approve(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: DecideDto) {
    return this.logs.approve(actor, id, body.reason);
  }

  @Post('development-logs/:id/reject')
  @AnyRole()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: RowDto })
  reject(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: RejectDto) {
    return this.logs.reject(actor, id, body.reason);
  }

  /** The proof, always as an attachment (never shown inline by the browser). */
  @Get('development-logs/:id/proof')
  @AnyRole()
  @ApiOkResponse({ description: 'The proof file', schema: { type: 'string', format: 'binary' } })
  async proof(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.logs.proof(actor, id);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.body);
  }
}
