import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiBodyOptions, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  ZActivityFile,
  ZContentFile,
  ZCoverImage,
  ZLaunchRequest,
  ZLaunchResponse,
  ZPackageValidation,
  ZPackageVersion,
  ZPackageVersionListQuery,
  ZPackageVersionPage,
} from '@asah/contracts/content';
import { ZCourseActivityParams } from '@asah/contracts/courses';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { ContentService } from './content.service';
import { PackageImportService } from './package-import.service';

class ActivityParamsDto extends createZodDto(ZCourseActivityParams) {}
class PackageVersionDto extends createZodDto(ZPackageVersion) {}
class PackageVersionPageDto extends createZodDto(ZPackageVersionPage) {}
class PackageVersionListQueryDto extends createZodDto(ZPackageVersionListQuery) {}
class PackageValidationDto extends createZodDto(ZPackageValidation) {}
class ContentFileDto extends createZodDto(ZContentFile) {}
class ActivityFileDto extends createZodDto(ZActivityFile) {}
class CoverImageDto extends createZodDto(ZCoverImage) {}
class LaunchRequestDto extends createZodDto(ZLaunchRequest) {}
class LaunchResponseDto extends createZodDto(ZLaunchResponse) {}

const fileBody = (description: string): ApiBodyOptions => ({
  description,
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
});

/**
 * Course content: packages, files, videos, covers, launch. Uploads are streamed (the request is
 * handed to the service unread, never buffered); reach is the course's, as for editing it.
 */
@ApiTags('course content')
@Controller('courses/:id')
@Roles('instructor', 'agency_admin', 'platform_admin')
export class ContentController {
  constructor(
    private readonly packages: PackageImportService,
    private readonly content: ContentService,
  ) {}

  /** Imports a SCORM 1.2 / 2004 or cmi5 zip as the activity's next version (PACKAGE_INVALID with the report when refused). */
  @Post('activities/:activityId/package')
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody('The package zip (PACKAGE_MAX_BYTES)'))
  @ZodResponse({ status: 201, type: PackageVersionDto })
  importPackage(@CurrentActor() actor: Actor, @Param() { id, activityId }: ActivityParamsDto, @Req() req: Request) {
    return this.packages.import(actor, id, activityId, req);
  }

  /** Dry run: the validation report of a zip; nothing is stored. */
  @Post('activities/:activityId/package/validate')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody('The package zip (PACKAGE_MAX_BYTES)'))
  @ZodResponse({ status: 200, type: PackageValidationDto })
  validatePackage(@CurrentActor() actor: Actor, @Param() { id, activityId }: ActivityParamsDto, @Req() req: Request) {
    return this.packages.validate(actor, id, activityId, req);
  }

  @Get('activities/:activityId/package/versions')
  @ZodResponse({ type: PackageVersionPageDto })
  packageVersions(@CurrentActor() actor: Actor, @Param() { id, activityId }: ActivityParamsDto, @Query() query: PackageVersionListQueryDto) {
    return this.packages.versions(actor, id, activityId, query);
  }

  /** The file of a `file` activity or the video (MP4, WebM, Ogg) of a `video` one (UPLOAD_MAX_BYTES). */
  @Post('activities/:activityId/file')
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody('The file or video'))
  @ZodResponse({ status: 201, type: ContentFileDto })
  uploadFile(@CurrentActor() actor: Actor, @Param() { id, activityId }: ActivityParamsDto, @Req() req: Request) {
    return this.content.uploadFile(actor, id, activityId, req);
  }

  @Get('activities/:activityId/file')
  @ZodResponse({ type: ActivityFileDto })
  async currentFile(@CurrentActor() actor: Actor, @Param() { id, activityId }: ActivityParamsDto) {
    return { file: await this.content.currentFile(actor, id, activityId) };
  }

  /** A short-lived URL on the content origin for the activity's package, file or video; also for learners with a place in the course. */
  @Post('activities/:activityId/launch')
  @Roles('learner', 'instructor', 'agency_admin', 'platform_admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: LaunchResponseDto })
  launch(@CurrentActor() actor: Actor, @Param() { id, activityId }: ActivityParamsDto, @Body() body: LaunchRequestDto) {
    return this.content.launch(actor, id, activityId, body ?? {});
  }

  /** PNG, JPEG, WebP or GIF, at most 5 MiB. */
  @Post('cover')
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody('The cover image'))
  @ZodResponse({ status: 201, type: CoverImageDto })
  uploadCover(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Req() req: Request) {
    return this.content.uploadCover(actor, id, req);
  }

  @Delete('cover')
  @HttpCode(204)
  async removeCover(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto): Promise<void> {
    await this.content.removeCover(actor, id);
  }
}
