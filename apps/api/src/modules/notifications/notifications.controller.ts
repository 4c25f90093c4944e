import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { ZNotification, ZNotificationPage, ZNotificationQuery, ZUnreadCount } from '@asah/contracts/notifications';
import { AnyRole, CurrentActor } from '../../common/auth/access.decorators';
import type { Actor } from '../../common/auth/actor';
import { IdParamDto } from '../../common/dto';
import { NotificationsService } from './notifications.service';

class NotificationDto extends createZodDto(ZNotification) {}
class NotificationPageDto extends createZodDto(ZNotificationPage) {}
class NotificationQueryDto extends createZodDto(ZNotificationQuery) {}
class UnreadCountDto extends createZodDto(ZUnreadCount) {}

/** The bell: the caller's own notifications. */
@ApiTags('notifications')
@Controller('me/notifications')
@AnyRole()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ZodResponse({ type: NotificationPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: NotificationQueryDto) {
    return this.notifications.list(actor, query);
  }

  @Get('unread-count')
  @ZodResponse({ type: UnreadCountDto })
  unreadCount(@CurrentActor() actor: Actor) {
    return this.notifications.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: UnreadCountDto })
  markAllRead(@CurrentActor() actor: Actor) {
    return this.notifications.markAllRead(actor);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ZodResponse({ status: 200, type: NotificationDto })
  markRead(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.notifications.markRead(actor, id);
  }
}
