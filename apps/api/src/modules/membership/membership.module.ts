import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentSafetyModule } from '../content-safety/content-safety.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgsModule } from '../orgs/orgs.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { MembershipApplication } from './entities/membership-application.entity';
import { MembershipController } from './membership.controller';
import { MembershipRepository } from './membership.repository';
import { MembershipService } from './membership.service';
import { OrgRequestsController } from './org-requests.controller';
import { OrgRequestsService } from './org-requests.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MembershipApplication]),
    OrgsModule,
    ContentSafetyModule,
    UploadsModule,
    NotificationsModule,
    UsersModule,
  ],
  controllers: [MembershipController, OrgRequestsController],
  providers: [MembershipService, MembershipRepository, OrgRequestsService],
})
export class MembershipModule {}
