import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentSafetyModule } from '../content-safety/content-safety.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgsModule } from '../orgs/orgs.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UserRole } from '../users/entities/user-role.entity';
import { User } from '../users/entities/user.entity';
import { AidApplication, AidStep, LegalCase, LegalMessage, LegalQuestion } from './entities/legal.entities';
import { LegalAidService } from './legal-aid.service';
import { LegalCasesService } from './legal-cases.service';
import { LegalController } from './legal.controller';
import { LegalQuestionsService } from './legal-questions.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      LegalQuestion,
      LegalMessage,
      LegalCase,
      AidApplication,
      AidStep,
      User,
      UserRole,
    ]),
    OrgsModule,
    ContentSafetyModule,
    UploadsModule,
    NotificationsModule,
  ],
  controllers: [LegalController],
  providers: [LegalQuestionsService, LegalCasesService, LegalAidService],
})
export class LegalModule {}
