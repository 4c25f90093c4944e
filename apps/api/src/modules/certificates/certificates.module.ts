import { Module } from '@nestjs/common';
import { BulkIssueService } from './bulk.service';
import { CertificatePdfService } from './certificate-pdf.service';
import { CertificatesController, CertificateTemplatesController, VerificationController } from './certificates.controller';
import { CertificatesService } from './certificates.service';
import { IssuerKeysService } from './credentials/issuer-keys.service';
import { TemplatesService } from './templates.service';

/** Certificates: templates, issuing (auto on course completion, manual, bulk), PDF, Open Badges 3.0, public verification. */
@Module({
  controllers: [CertificateTemplatesController, CertificatesController, VerificationController],
  providers: [IssuerKeysService, CertificatePdfService, CertificatesService, TemplatesService, BulkIssueService],
  exports: [CertificatesService, TemplatesService, IssuerKeysService],
})
export class CertificatesModule {}
