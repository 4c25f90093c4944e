import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse, ZodValidationPipe } from 'nestjs-zod';
import { z } from 'zod';
import {
  ASSET_MAX_BYTES,
  ZAgencyCertificateSettings,
  ZAsset,
  ZAssetUploadFields,
  ZBulkIssueRequest,
  ZBulkJob,
  ZBulkJobItemPage,
  ZBulkJobItemQuery,
  ZBulkJobPage,
  ZBulkJobQuery,
  ZCertificate,
  ZCertificatePage,
  ZCertificateQuery,
  ZCourseCertificateSettings,
  ZCreateTemplateRequest,
  ZCredentialVerifyResult,
  ZIssueCertificateRequest,
  ZIssuerKey,
  ZIssuerKeyList,
  ZRevokeCertificateRequest,
  ZRotateKeyRequest,
  ZTemplate,
  ZTemplatePage,
  ZTemplatePreviewRequest,
  ZTemplateQuery,
  ZUpdateAgencyCertificateSettings,
  ZUpdateCourseCertificateSettings,
  ZUpdateTemplateRequest,
  ZVerification,
} from '@asah/contracts/certificates';
import { UPLOAD_FIELD } from '@asah/contracts/content';
import { AnyRole, CurrentActor, Public, Roles } from '../../common/auth/access.decorators';
import { scopeAgency, type Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { notFound } from '../../common/errors/domain-error';
import { BulkIssueService } from './bulk.service';
import { CertificatesService } from './certificates.service';
import { IssuerKeysService } from './credentials/issuer-keys.service';
import { TemplatesService, type UploadedAsset } from './templates.service';

class TemplateDto extends createZodDto(ZTemplate) {}
class TemplatePageDto extends createZodDto(ZTemplatePage) {}
class TemplateQueryDto extends createZodDto(ZTemplateQuery) {}
class CreateTemplateDto extends createZodDto(ZCreateTemplateRequest) {}
class UpdateTemplateDto extends createZodDto(ZUpdateTemplateRequest) {}
class PreviewDto extends createZodDto(ZTemplatePreviewRequest) {}
class AssetDto extends createZodDto(ZAsset) {}
class AssetFieldsDto extends createZodDto(ZAssetUploadFields) {}
class AgencySettingsDto extends createZodDto(ZAgencyCertificateSettings) {}
class UpdateAgencySettingsDto extends createZodDto(ZUpdateAgencyCertificateSettings) {}
class AgencyQueryDto extends createZodDto(z.strictObject({ agencyId: z.uuid().optional() })) {}
class CourseSettingsDto extends createZodDto(ZCourseCertificateSettings) {}
class UpdateCourseSettingsDto extends createZodDto(ZUpdateCourseCertificateSettings) {}
class IssueDto extends createZodDto(ZIssueCertificateRequest) {}
class CertificateDto extends createZodDto(ZCertificate) {}
class CertificatePageDto extends createZodDto(ZCertificatePage) {}
class CertificateQueryDto extends createZodDto(ZCertificateQuery) {}
class RevokeDto extends createZodDto(ZRevokeCertificateRequest) {}
const BulkDto = createZodDto(ZBulkIssueRequest);
class JobDto extends createZodDto(ZBulkJob) {}
class JobPageDto extends createZodDto(ZBulkJobPage) {}
class JobQueryDto extends createZodDto(ZBulkJobQuery) {}
class JobItemPageDto extends createZodDto(ZBulkJobItemPage) {}
class JobItemQueryDto extends createZodDto(ZBulkJobItemQuery) {}
class VerificationDto extends createZodDto(ZVerification) {}
class VerifyResultDto extends createZodDto(ZCredentialVerifyResult) {}
class KeyListDto extends createZodDto(ZIssuerKeyList) {}
class KeyDto extends createZodDto(ZIssuerKey) {}
class RotateDto extends createZodDto(ZRotateKeyRequest) {}
class CodeParamDto extends createZodDto(z.strictObject({ code: z.string().min(1).max(100) })) {}
class AgencyParamDto extends createZodDto(z.strictObject({ agencyId: z.uuid() })) {}

const assetUpload = FileInterceptor(UPLOAD_FIELD, { limits: { fileSize: ASSET_MAX_BYTES, files: 1, fields: 4 } });
const pdfResponse = { description: 'application/pdf', schema: { type: 'string', format: 'binary' } } as const;

function sendPdf(res: Response, bytes: Uint8Array, fileName: string, inline = false): StreamableFile {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Length', String(bytes.length));
  res.setHeader('Content-Disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(Buffer.from(bytes));
}

/** Templates, their uploads, numbering and course settings (agency admins; platform admins name the agency). */
@ApiTags('certificates')
@Controller()
export class CertificateTemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get('certificate-templates')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: TemplatePageDto })
  list(@CurrentActor() actor: Actor, @Query() query: TemplateQueryDto) {
    return this.templates.list(actor, query);
  }

  @Post('certificate-templates')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ status: 201, type: TemplateDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateTemplateDto) {
    return this.templates.create(actor, body);
  }

  /** The posted template rendered with sample data, as a PDF (live preview). */
  @Post('certificate-templates/preview')
  @Roles('agency_admin', 'platform_admin')
  @HttpCode(200)
  @ApiOkResponse(pdfResponse)
  async preview(@CurrentActor() actor: Actor, @Body() body: PreviewDto, @Res({ passthrough: true }) res: Response) {
    return sendPdf(res, await this.templates.preview(actor, body), 'pratinjau-sertifikat.pdf', true);
  }

  @Get('certificate-templates/:id')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: TemplateDto })
  one(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.templates.one(actor, id);
  }

  /** Saves a new version of the template. */
  @Put('certificate-templates/:id')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: TemplateDto })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateTemplateDto) {
    return this.templates.update(actor, id, body);
  }

  @Post('certificate-templates/:id/archive')
  @Roles('agency_admin', 'platform_admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: TemplateDto })
  archive(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.templates.setArchived(actor, id, true);
  }

  @Post('certificate-templates/:id/unarchive')
  @Roles('agency_admin', 'platform_admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: TemplateDto })
  unarchive(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.templates.setArchived(actor, id, false);
  }

  @Post('certificate-assets')
  @Roles('agency_admin', 'platform_admin')
  @UseInterceptors(assetUpload)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['kind', UPLOAD_FIELD], properties: { kind: { type: 'string', enum: ['background', 'signature', 'logo'] }, agencyId: { type: 'string' }, [UPLOAD_FIELD]: { type: 'string', format: 'binary' } } } })
  @ZodResponse({ status: 201, type: AssetDto })
  upload(@CurrentActor() actor: Actor, @Body() fields: AssetFieldsDto, @UploadedFile() file?: UploadedAsset) {
    return this.templates.upload(actor, fields, file);
  }

  @Get('certificate-assets/:id')
  @Roles('agency_admin', 'platform_admin')
  @ApiOkResponse({ description: 'The image or PDF', schema: { type: 'string', format: 'binary' } })
  async asset(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Res({ passthrough: true }) res: Response) {
    const object = await this.templates.assetFile(actor, id);
    res.setHeader('Content-Type', object.contentType);
    res.setHeader('Content-Length', String(object.length));
    res.setHeader('Cache-Control', 'private, max-age=86400');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(object.body);
  }

  @Get('certificate-settings')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: AgencySettingsDto })
  settings(@CurrentActor() actor: Actor, @Query() query: AgencyQueryDto) {
    return this.templates.agencySettings(actor, query.agencyId);
  }

  @Put('certificate-settings')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: AgencySettingsDto })
  updateSettings(@CurrentActor() actor: Actor, @Body() body: UpdateAgencySettingsDto) {
    return this.templates.updateAgencySettings(actor, body);
  }

  @Get('courses/:id/certificate-settings')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: CourseSettingsDto })
  courseSettings(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.templates.courseSettings(actor, id);
  }

  @Put('courses/:id/certificate-settings')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: CourseSettingsDto })
  updateCourseSettings(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: UpdateCourseSettingsDto) {
    return this.templates.updateCourseSettings(actor, id, body);
  }
}

/** Issuing, revoking, lists and files. */
@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly bulk: BulkIssueService,
    private readonly keys: IssuerKeysService,
  ) {}

  @Post('certificates')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ status: 201, type: CertificateDto })
  issue(@CurrentActor() actor: Actor, @Body() body: IssueDto) {
    return this.certificates.issue(actor, body);
  }

  @Get('certificates')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: CertificatePageDto })
  list(@CurrentActor() actor: Actor, @Query() query: CertificateQueryDto) {
    return this.certificates.list(actor, query);
  }

  @Get('me/certificates')
  @AnyRole()
  @ZodResponse({ type: CertificatePageDto })
  mine(@CurrentActor() actor: Actor, @Query() query: CertificateQueryDto) {
    return this.certificates.mine(actor, query);
  }

  @Get('certificates/:id')
  @AnyRole()
  @ZodResponse({ type: CertificateDto })
  one(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.certificates.one(actor, id);
  }

  @Get('certificates/:id/pdf')
  @AnyRole()
  @ApiOkResponse(pdfResponse)
  async pdf(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Res({ passthrough: true }) res: Response) {
    const { object, fileName } = await this.certificates.pdfOf(actor, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Length', String(object.length));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(object.body);
  }

  /** The Open Badges 3.0 credential (JSON), as a download. */
  @Get('certificates/:id/credential')
  @AnyRole()
  @ApiOkResponse({ description: 'OpenBadgeCredential (W3C VC 2.0) with a Data Integrity proof' })
  async credential(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Res({ passthrough: true }) res: Response) {
    const { credential, fileName } = await this.certificates.credentialOf(actor, id);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    return credential;
  }

  @Post('certificates/:id/revoke')
  @Roles('agency_admin', 'platform_admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: CertificateDto })
  revoke(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: RevokeDto) {
    return this.certificates.revoke(actor, id, body.reason);
  }

  @Post('courses/:id/certificates/bulk')
  @Roles('agency_admin', 'platform_admin')
  @HttpCode(202)
  @ApiBody({ type: BulkDto })
  @ZodResponse({ status: 202, type: JobDto })
  startBulk(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body(new ZodValidationPipe(BulkDto)) body: ReturnType<typeof ZBulkIssueRequest.parse>) {
    return this.bulk.start(actor, id, body);
  }

  @Get('certificate-jobs')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: JobPageDto })
  jobs(@CurrentActor() actor: Actor, @Query() query: JobQueryDto) {
    return this.bulk.list(actor, query);
  }

  @Get('certificate-jobs/:id')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: JobDto })
  job(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.bulk.get(actor, id);
  }

  @Get('certificate-jobs/:id/items')
  @Roles('agency_admin', 'platform_admin')
  @ZodResponse({ type: JobItemPageDto })
  jobItems(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Query() query: JobItemQueryDto) {
    return this.bulk.items(actor, id, query);
  }

  @Post('certificate-keys/rotate')
  @Roles('agency_admin', 'platform_admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: KeyDto })
  rotate(@CurrentActor() actor: Actor, @Body() body: RotateDto) {
    return this.keys.rotate(scopeAgency(actor, body.agencyId, true));
  }
}

/** What anyone may read or check without signing in (rate-limited per client address). */
@ApiTags('certificates')
@Controller()
export class VerificationController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly keys: IssuerKeysService,
  ) {}

  @Get('verify/:code')
  @Public()
  @Header('Cache-Control', 'no-store')
  @ZodResponse({ type: VerificationDto })
  async verify(@Param() { code }: CodeParamDto, @Req() req: Request) {
    await this.certificates.limit(req.ip ?? 'unknown');
    return this.certificates.verifyCode(code);
  }

  /** Body: the credential JSON. Answers the verdict with each check. */
  @Post('credentials/verify')
  @Public()
  @HttpCode(200)
  @ApiBody({ schema: { type: 'object', description: 'An OpenBadgeCredential as downloaded' } })
  @ZodResponse({ status: 200, type: VerifyResultDto })
  async verifyCredential(@Body() body: unknown, @Req() req: Request) {
    await this.certificates.limit(req.ip ?? 'unknown');
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { verified: false, checks: [{ check: 'shape' as const, ok: false, message: 'the body is not a JSON object' }], status: null, certificateNumber: null };
    }
    return this.certificates.verifyCredential(body);
  }

  /** The well-known list of issuer public keys (Multikey), active and retired. */
  @Get('credentials/keys')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ZodResponse({ type: KeyListDto })
  async keyList() {
    return { keys: await this.keys.list() };
  }

  @Get('credentials/keys/:id')
  @Public()
  @Header('Cache-Control', 'public, max-age=300')
  @ZodResponse({ type: KeyDto })
  async key(@Param() { id }: IdParamDto) {
    const key = await this.keys.one(id);
    if (!key) throw notFound('Key');
    return key;
  }

  /** The agency's BitstringStatusListCredential (revocation). */
  @Get('credentials/status/:agencyId')
  @Public()
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ description: 'BitstringStatusListCredential' })
  statusList(@Param() { agencyId }: AgencyParamDto) {
    return this.certificates.statusList(agencyId);
  }

  /** The agency's Open Badges issuer profile, with its keys. */
  @Get('issuers/:agencyId')
  @Public()
  @ApiOkResponse({ description: 'Open Badges Profile' })
  issuer(@Param() { agencyId }: AgencyParamDto) {
    return this.certificates.issuerProfile(agencyId);
  }
}
