import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HotTransactions } from '../../common/database/hot-transaction';
import { OrgsModule } from '../orgs/orgs.module';
import { UsersModule } from '../users/users.module';
import { AttemptsRepository } from './attempts.repository';
import { BanksRepository } from './banks.repository';
import { CampaignsRepository } from './campaigns.repository';
import { CertificatesRepository } from './certificates.repository';
import {
  Attempt,
  Campaign,
  Certificate,
  Mistake,
  Participant,
  Question,
  QuestionBank,
} from './entities/quiz.entities';
import { MistakesRepository } from './mistakes.repository';
import { ParticipantsRepository } from './participants.repository';
import { QuizAttemptsService } from './quiz-attempts.service';
import { QuizBanksService } from './quiz-banks.service';
import { QuizCampaignsService } from './quiz-campaigns.service';
import { QuizCertificatesService } from './quiz-certificates.service';
import { QuizMistakesService } from './quiz-mistakes.service';
import { QuizController, QuizStaffController } from './quiz.controller';
import { QuizHistoryController } from './quiz-history.controller';
import { QuizHistoryRepository } from './quiz-history.repository';
import { QuizHistoryService } from './quiz-history.service';
import { QuizRankingsService } from './quiz-rankings.service';
import { QuizStatsController } from './quiz-stats.controller';
import { QuizStatsRepository } from './quiz-stats.repository';
import { QuizStatsService } from './quiz-stats.service';
import { SubmissionsRepository } from './submissions.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      QuestionBank,
      Question,
      Campaign,
      Attempt,
      Participant,
      Mistake,
      Certificate,
    ]),
    OrgsModule,
    UsersModule,
  ],
  controllers: [QuizStaffController, QuizController, QuizStatsController, QuizHistoryController],
  providers: [
    AttemptsRepository,
    BanksRepository,
    CampaignsRepository,
    CertificatesRepository,
    MistakesRepository,
    ParticipantsRepository,
    QuizBanksService,
    QuizCampaignsService,
    QuizAttemptsService,
    QuizMistakesService,
    QuizRankingsService,
    QuizCertificatesService,
    QuizStatsRepository,
    QuizStatsService,
    QuizHistoryRepository,
    QuizHistoryService,
    SubmissionsRepository,
    HotTransactions,
  ],
})
export class QuizModule {}
