import { Body, Controller, Get, Param, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiBodyOptions, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { IMPORT_MAX_BYTES, ZImportPreview, ZImportResult, ZImportUploadFields } from '@asah/contracts/user-import';
import { ZCreateUserRequest, ZResetPasswordResponse, ZUpdateUserRequest, ZUser, ZUserListQuery, ZUserPage, ZUserWithPassword } from '@asah/contracts/users';
import { CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { DomainError } from '../../common/errors/domain-error';
import { UserImportService } from './user-import.service';
import { UsersService } from './users.service';

class UserDto extends createZodDto(ZUser) {}
class UserPageDto extends createZodDto(ZUserPage) {}
class UserListQueryDto extends createZodDto(ZUserListQuery) {}
class CreateUserDto extends createZodDto(ZCreateUserRequest) {}
class UpdateUserDto extends createZodDto(ZUpdateUserRequest) {}
class UserWithPasswordDto extends createZodDto(ZUserWithPassword) {}
class ResetPasswordDto extends createZodDto(ZResetPasswordResponse) {}
class ImportFieldsDto extends createZodDto(ZImportUploadFields) {}
class ImportPreviewDto extends createZodDto(ZImportPreview) {}
class ImportResultDto extends createZodDto(ZImportResult) {}

const csvUpload = FileInterceptor('file', { limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5 } });
const csvBody: ApiBodyOptions = { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, agencyId: { type: 'string', format: 'uuid' } } } };

interface UploadedCsv {
  buffer: Buffer;
}

function requireFile(file: UploadedCsv | undefined): Buffer {
  if (!file) throw new DomainError('IMPORT_INVALID_FILE', 'Attach a CSV file in the "file" field', [{ field: 'file', code: 'REQUIRED', message: 'Attach a CSV file' }]);
  return file.buffer;
}

@ApiTags('users')
@Controller('users')
@Roles('agency_admin', 'platform_admin')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly importer: UserImportService,
  ) {}

  @Get()
  @ZodResponse({ type: UserPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: UserListQueryDto) {
    return this.users.list(actor, query);
  }

  @Post('import/preview')
  @UseInterceptors(csvUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(csvBody)
  @ZodResponse({ status: 200, type: ImportPreviewDto })
  preview(@CurrentActor() actor: Actor, @Body() fields: ImportFieldsDto, @UploadedFile() file?: UploadedCsv) {
    return this.importer.preview(actor, fields.agencyId, requireFile(file));
  }

  @Post('import')
  @UseInterceptors(csvUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(csvBody)
  @ZodResponse({ status: 200, type: ImportResultDto })
  import(@CurrentActor() actor: Actor, @Body() fields: ImportFieldsDto, @UploadedFile() file?: UploadedCsv) {
    return this.importer.commit(actor, fields.agencyId, requireFile(file));
  }

  @Get(':id')
  @ZodResponse({ type: UserDto })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.users.get(actor, id);
  }

  @Post()
  @ZodResponse({ status: 201, type: UserWithPasswordDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUserDto) {
    return this.users.create(actor, body);
  }

  @Patch(':id')
  @ZodResponse({ type: UserDto })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateUserDto) {
    return this.users.update(actor, id, body);
  }

  @Post(':id/reset-password')
  @ZodResponse({ status: 200, type: ResetPasswordDto })
  resetPassword(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.users.resetPassword(actor, id);
  }
}
