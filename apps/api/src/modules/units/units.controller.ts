import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { IdParamDto } from '../../common/dto';
import { ZCreateUnitRequest, ZUnit, ZUnitList, ZUnitListQuery, ZUpdateUnitRequest } from '@asah/contracts/units';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { UnitsService } from './units.service';

class UnitDto extends createZodDto(ZUnit) {}
class UnitListDto extends createZodDto(ZUnitList) {}
class UnitListQueryDto extends createZodDto(ZUnitListQuery) {}
class CreateUnitDto extends createZodDto(ZCreateUnitRequest) {}
class UpdateUnitDto extends createZodDto(ZUpdateUnitRequest) {}

@ApiTags('units')
@Controller('units')
@Roles('agency_admin', 'platform_admin')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @ZodResponse({ type: UnitListDto })
  list(@CurrentActor() actor: Actor, @Query() query: UnitListQueryDto) {
    return this.units.list(actor, query.agencyId);
  }

  @Post()
  @ZodResponse({ status: 201, type: UnitDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUnitDto) {
    return this.units.create(actor, body);
  }

  @Patch(':id')
  @ZodResponse({ type: UnitDto })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateUnitDto) {
    return this.units.update(actor, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    await this.units.remove(actor, id);
  }
}
