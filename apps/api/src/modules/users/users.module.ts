import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UserImportService } from './user-import.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AuthModule], controllers: [UsersController], providers: [UsersService, UserImportService] })
export class UsersModule {}
