import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Org } from '../orgs/entities/org.entity';
import { OrgsModule } from '../orgs/orgs.module';
import { User } from '../users/entities/user.entity';
import {
  Attempt,
  Campaign,
  Certificate,
  Mistake,
  Participant,
  Question,
  QuestionBank,
} from './entities/quiz.entities';
import { QuizAttemptsService } from './quiz-attempts.service';
import { QuizBanksService } from './quiz-banks.service';
import { QuizCampaignsService } from './quiz-campaigns.service';
import { QuizCertificatesService } from './quiz-certificates.service';
import { QuizController, QuizStaffController } from './quiz.controller';
import { QuizRankingsService } from './quiz-rankings.service';

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
      User,
      Org,
    ]),
    OrgsModule,
  ],
  controllers: [QuizStaffController, QuizController],
  providers: [
    QuizBanksService,
    QuizCampaignsService,
    QuizAttemptsService,
    QuizRankingsService,
    QuizCertificatesService,
  ],
})
export class QuizModule {}
