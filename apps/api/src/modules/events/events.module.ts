import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentSafetyModule } from '../content-safety/content-safety.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgsModule } from '../orgs/orgs.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { CheckinsService } from './checkins.service';
import { EventSession } from './entities/event-session.entity';
import { EventRecord } from './entities/event.entity';
import { EventSignup } from './entities/event-signup.entity';
import { EventSignupsAdminService } from './event-signups-admin.service';
import { EventSignupsController } from './event-signups.controller';
import { EventStaffController } from './event-staff.controller';
import { EventSweepsRepository } from './event-sweeps.repository';
import { EventsSweepService } from './events-sweep.service';
import { EventsSweeper } from './events-sweeper';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';
import { LotteryRepository } from './lottery.repository';
import { LotteryService } from './lottery.service';
import { SignupReportsRepository } from './signup-reports.repository';
import { SignupsRepository } from './signups.repository';
import { SignupsService } from './signups.service';

/** Events and sign-up (活动报名 + 签到): docs/events.md. */
@Module({
  imports: [
    TypeOrmModule.forFeature([EventRecord, EventSession, EventSignup]),
    OrgsModule,
    UsersModule,
    UploadsModule,
    NotificationsModule,
    ContentSafetyModule,
  ],
  // The signups controller first: its static `signups/...` paths must not be read as an event `:id`.
  controllers: [EventSignupsController, EventsController, EventStaffController],
  providers: [
    EventsRepository,
    SignupsRepository,
    SignupReportsRepository,
    LotteryRepository,
    EventSweepsRepository,
    EventsService,
    SignupsService,
    LotteryService,
    CheckinsService,
    EventSignupsAdminService,
    EventsSweepService,
    EventsSweeper,
  ],
})
export class EventsModule {}
