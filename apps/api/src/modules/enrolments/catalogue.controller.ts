import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { ZCatalogueCourse, ZCatalogueParams, ZCataloguePage, ZCatalogueQuery } from '@asah/contracts/catalogue';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { CatalogueService } from './catalogue.service';

class CataloguePageDto extends createZodDto(ZCataloguePage) {}
class CatalogueQueryDto extends createZodDto(ZCatalogueQuery) {}
class CatalogueCourseDto extends createZodDto(ZCatalogueCourse) {}
class CatalogueParamsDto extends createZodDto(ZCatalogueParams) {}

/** Katalog Pelatihan: what a learner may take (their agency's published courses and platform-wide ones). */
@ApiTags('catalogue')
@Controller('catalogue')
@Roles('learner')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @ZodResponse({ type: CataloguePageDto })
  list(@CurrentActor() actor: Actor, @Query() query: CatalogueQueryDto) {
    return this.catalogue.list(actor, query);
  }

  @Get(':courseId')
  @ZodResponse({ type: CatalogueCourseDto })
  get(@CurrentActor() actor: Actor, @Param() { courseId }: CatalogueParamsDto) {
    return this.catalogue.get(actor, courseId);
  }
}
