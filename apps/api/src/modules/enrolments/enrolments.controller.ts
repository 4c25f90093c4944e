import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import {
  ZApprovalQuery,
  ZApproveRequest,
  ZEnrolmentRow,
  ZEnrolmentRowPage,
  ZEnrolRequest,
  ZMyEnrolment,
  ZMyEnrolmentPage,
  ZMyEnrolmentQuery,
  ZRejectRequest,
  ZWithdrawRequest,
} from '@asah/contracts/enrolments';
import { AnyRole, CurrentActor, Roles } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { ApprovalsService } from './approvals.service';
import { EnrolmentsService } from './enrolments.service';

class EnrolRequestDto extends createZodDto(ZEnrolRequest) {}
class MyEnrolmentDto extends createZodDto(ZMyEnrolment) {}
class MyEnrolmentPageDto extends createZodDto(ZMyEnrolmentPage) {}
class MyEnrolmentQueryDto extends createZodDto(ZMyEnrolmentQuery) {}
class WithdrawRequestDto extends createZodDto(ZWithdrawRequest) {}
class EnrolmentRowDto extends createZodDto(ZEnrolmentRow) {}
class EnrolmentRowPageDto extends createZodDto(ZEnrolmentRowPage) {}
class ApprovalQueryDto extends createZodDto(ZApprovalQuery) {}
class ApproveRequestDto extends createZodDto(ZApproveRequest) {}
class RejectRequestDto extends createZodDto(ZRejectRequest) {}

/**
 * Enrolling and the life of an enrolment: the learner enrols or asks, lists their learning and
 * withdraws; approvers (unit heads, agency admins) decide requests; admins unenrol and complete.
 */
@ApiTags('enrolments')
@Controller()
export class EnrolmentsController {
  constructor(
    private readonly enrolments: EnrolmentsService,
    private readonly approvals: ApprovalsService,
  ) {}

  /** Self-enrolment, or a request under the approval policy. Enrolling again answers the same enrolment. */
  @Post('enrolments')
  @Roles('learner')
  @ZodResponse({ status: 201, type: MyEnrolmentDto })
  enrol(@CurrentActor() actor: Actor, @Body() body: EnrolRequestDto) {
    return this.enrolments.enrol(actor, body);
  }

  /** "Pembelajaran Saya". */
  @Get('me/enrolments')
  @Roles('learner')
  @ZodResponse({ type: MyEnrolmentPageDto })
  mine(@CurrentActor() actor: Actor, @Query() query: MyEnrolmentQueryDto) {
    return this.enrolments.mine(actor, query);
  }

  /** The learner withdraws their own enrolment, or an admin unenrols one of their agency's people; the record stays. */
  @Post('enrolments/:id/withdraw')
  @Roles('learner', 'agency_admin', 'platform_admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: EnrolmentRowDto })
  withdraw(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: WithdrawRequestDto) {
    return this.enrolments.withdraw(actor, id, body);
  }

  /** Marks the enrolment completed and credits the course's JP (once). */
  @Post('enrolments/:id/complete')
  @Roles('agency_admin', 'platform_admin')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: EnrolmentRowDto })
  complete(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.enrolments.complete(actor, id);
  }

  /** Requests waiting for (or decided by) the caller as unit head or admin. Any employee may head a unit. */
  @Get('approvals')
  @AnyRole()
  @ZodResponse({ type: EnrolmentRowPageDto })
  queue(@CurrentActor() actor: Actor, @Query() query: ApprovalQueryDto) {
    return this.approvals.queue(actor, query);
  }

  @Post('enrolments/:id/approve')
  @AnyRole()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: EnrolmentRowDto })
  approve(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: ApproveRequestDto) {
    return this.approvals.approve(actor, id, body);
  }

  @Post('enrolments/:id/reject')
  @AnyRole()
  @HttpCode(200)
  @ZodResponse({ status: 200, type: EnrolmentRowDto })
  reject(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() body: RejectRequestDto) {
    return this.approvals.reject(actor, id, body);
  }
}
