import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentSafetyModule } from '../content-safety/content-safety.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgsModule } from '../orgs/orgs.module';
import { UploadsModule } from '../uploads/uploads.module';
import { WechatModule } from '../wechat/wechat.module';
import { AdminUsersController } from './admin-users.controller';
import { PrivacyConsent } from './entities/privacy-consent.entity';
import { UserRole } from './entities/user-role.entity';
import { User } from './entities/user.entity';
import { MeController } from './me.controller';
import { MemberDirectoryRepository } from './member-directory.repository';
import { OrgRequestsRepository } from './org-requests.repository';
import { UserRolesRepository } from './user-roles.repository';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, UserRole, PrivacyConsent]),
    OrgsModule,
    WechatModule,
    ContentSafetyModule,
    UploadsModule,
    NotificationsModule,
  ],
  controllers: [MeController, AdminUsersController],
  providers: [
    UsersService,
    UsersRepository,
    UserRolesRepository,
    MemberDirectoryRepository,
    OrgRequestsRepository,
  ],
  exports: [
    UsersService,
    UsersRepository,
    UserRolesRepository,
    MemberDirectoryRepository,
    OrgRequestsRepository,
  ],
})
export class UsersModule {}
