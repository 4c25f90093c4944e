import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { IdParamDto } from '../../common/dto';
import { ZCreatePositionRequest, ZPosition, ZPositionPage, ZPositionListQuery, ZUpdatePositionRequest } from '@asah/contracts/positions';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { PositionsService } from './positions.service';

class PositionDto extends createZodDto(ZPosition) {}
class PositionPageDto extends createZodDto(ZPositionPage) {}
class PositionListQueryDto extends createZodDto(ZPositionListQuery) {}
class CreatePositionDto extends createZodDto(ZCreatePositionRequest) {}
class UpdatePositionDto extends createZodDto(ZUpdatePositionRequest) {}

@ApiTags('positions')
@Controller('positions')
@Roles('agency_admin', 'platform_admin')
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  @Get()
  @ZodResponse({ type: PositionPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: PositionListQueryDto) {
    return this.positions.list(actor, query);
  }

  @Post()
  @ZodResponse({ status: 201, type: PositionDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreatePositionDto) {
    return this.positions.create(actor, body);
  }

  @Patch(':id')
  @ZodResponse({ type: PositionDto })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdatePositionDto) {
    return this.positions.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    await this.positions.remove(actor, id);
  }
}
