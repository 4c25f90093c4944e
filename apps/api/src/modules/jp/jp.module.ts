import { Module } from '@nestjs/common';
import { JpComplianceService } from './jp-compliance.service';
import { JpController } from './jp.controller';
import { JpLedgerService } from './jp-ledger.service';

@Module({
  controllers: [JpController],
  providers: [JpLedgerService, JpComplianceService],
  exports: [JpLedgerService],
})
export class JpModule {}
