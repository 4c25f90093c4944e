import { Module } from '@nestjs/common';
import { JpModule } from '../jp/jp.module';
import { DevelopmentLogsController } from './development-logs.controller';
import { DevelopmentLogsService } from './development-logs.service';

@Module({
  imports: [JpModule],
  controllers: [DevelopmentLogsController],
  providers: [DevelopmentLogsService],
})
export class DevelopmentLogsModule {}
