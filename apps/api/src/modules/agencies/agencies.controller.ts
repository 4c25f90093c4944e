import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { ZAgency, ZAgencyListQuery, ZAgencyPage, ZCreateAgencyRequest, ZUpdateAgencyRequest } from '@asah/contracts/agencies';
import { IdParamDto } from '../../common/dto';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { AgenciesService } from './agencies.service';

class AgencyDto extends createZodDto(ZAgency) {}
class AgencyPageDto extends createZodDto(ZAgencyPage) {}
class AgencyListQueryDto extends createZodDto(ZAgencyListQuery) {}
class CreateAgencyDto extends createZodDto(ZCreateAgencyRequest) {}
class UpdateAgencyDto extends createZodDto(ZUpdateAgencyRequest) {}

@ApiTags('agencies')
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Roles('platform_admin')
  @Get()
  @ZodResponse({ type: AgencyPageDto })
  list(@Query() query: AgencyListQueryDto) {
    return this.agencies.list(query);
  }

  @Roles('platform_admin', 'agency_admin')
  @Get(':id')
  @ZodResponse({ type: AgencyDto })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.agencies.get(actor, id);
  }

  @Roles('platform_admin')
  @Post()
  @ZodResponse({ status: 201, type: AgencyDto })
  create(@Body() body: CreateAgencyDto) {
    return this.agencies.create(body);
  }

  @Roles('platform_admin')
  @Patch(':id')
  @ZodResponse({ type: AgencyDto })
  update(@Param() { id }: IdParamDto, @Body() body: UpdateAgencyDto) {
    return this.agencies.update(id, body);
  }
}
