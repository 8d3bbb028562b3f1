import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentSafetyModule } from '../content-safety/content-safety.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgsModule } from '../orgs/orgs.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { AidApplication, AidStep, LegalCase, LegalMessage, LegalQuestion } from './entities/legal.entities';
import { AidRepository } from './aid.repository';
import { CasesRepository } from './cases.repository';
import { LegalAidService } from './legal-aid.service';
import { LegalCasesService } from './legal-cases.service';
import { LegalController } from './legal.controller';
import { LegalQuestionsService } from './legal-questions.service';
import { LegalStatsController } from './legal-stats.controller';
import { LegalStatsRepository } from './legal-stats.repository';
import { LegalStatsService } from './legal-stats.service';
import { QuestionsRepository } from './questions.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      LegalQuestion,
      LegalMessage,
      LegalCase,
      AidApplication,
      AidStep,
    ]),
    OrgsModule,
    UsersModule,
    ContentSafetyModule,
    UploadsModule,
    NotificationsModule,
  ],
  controllers: [LegalController, LegalStatsController],
  providers: [
    QuestionsRepository,
    AidRepository,
    CasesRepository,
    LegalQuestionsService,
    LegalCasesService,
    LegalAidService,
    LegalStatsRepository,
    LegalStatsService,
  ],
})
export class LegalModule {}
