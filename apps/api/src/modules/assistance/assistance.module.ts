import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentSafetyModule } from '../content-safety/content-safety.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgsModule } from '../orgs/orgs.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { ApplicationExportService } from './application-export.service';
import { ApplicationReviewService } from './application-review.service';
import { ApplicationSecretsCodec } from './application-secrets';
import { ApplicationViews } from './application-views';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { AssistanceAccess } from './assistance-access';
import { AssistanceStatsController } from './assistance-stats.controller';
import { AssistanceStatsRepository } from './assistance-stats.repository';
import { AssistanceStatsService } from './assistance-stats.service';
import { AssistanceUploadPolicies } from './assistance-upload-policies';
import { AssistanceApplication } from './entities/assistance-application.entity';
import { AssistanceEvent } from './entities/assistance-event.entity';
import { AssistanceRegisterEntry } from './entities/assistance-register-entry.entity';
import { AssistanceViewLog } from './entities/assistance-view-log.entity';
import { Wish } from './entities/wish.entity';
import { RegisterController } from './register.controller';
import { RegisterReminder } from './register-reminder';
import { RegisterRepository } from './register.repository';
import { RegisterService } from './register.service';
import { WishReviewService } from './wish-review.service';
import { WishesController } from './wishes.controller';
import { WishesRepository } from './wishes.repository';
import { WishesService } from './wishes.service';

/** Help in hardship (困难职工帮扶 + 微心愿), issue 24: see docs/assistance.md. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      AssistanceApplication,
      AssistanceEvent,
      AssistanceViewLog,
      AssistanceRegisterEntry,
      Wish,
    ]),
    OrgsModule,
    UsersModule,
    ContentSafetyModule,
    UploadsModule,
    NotificationsModule,
  ],
  controllers: [ApplicationsController, RegisterController, WishesController, AssistanceStatsController],
  providers: [
    ApplicationsRepository,
    RegisterRepository,
    WishesRepository,
    AssistanceStatsRepository,
    ApplicationSecretsCodec,
    AssistanceAccess,
    ApplicationViews,
    ApplicationsService,
    ApplicationReviewService,
    ApplicationExportService,
    RegisterService,
    RegisterReminder,
    WishesService,
    WishReviewService,
    AssistanceStatsService,
    AssistanceUploadPolicies,
  ],
})
export class AssistanceModule {}
