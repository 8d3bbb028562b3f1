import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentSafetyModule } from '../content-safety/content-safety.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgsModule } from '../orgs/orgs.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { CheckinsRepository } from './checkins.repository';
import {
  ReadingBook,
  ReadingCheckin,
  ReadingLike,
  ReadingParticipant,
  ReadingSeason,
} from './entities/reading.entities';
import { FeedRepository } from './feed.repository';
import { ReadingCheckinsService } from './reading-checkins.service';
import { ReadingController, ReadingStaffController } from './reading.controller';
import { ReadingFeedService } from './reading-feed.service';
import { ReadingPosterService } from './reading-poster.service';
import { ReadingRankingsService } from './reading-rankings.service';
import { ReadingSeasonsService } from './reading-seasons.service';
import { ReadingStatsController } from './reading-stats.controller';
import { ReadingStatsRepository } from './reading-stats.repository';
import { ReadingStatsService } from './reading-stats.service';
import { SeasonsRepository } from './seasons.repository';
import { StandingsRepository } from './standings.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      ReadingSeason,
      ReadingBook,
      ReadingCheckin,
      ReadingLike,
      ReadingParticipant,
    ]),
    OrgsModule,
    ContentSafetyModule,
    UploadsModule,
    NotificationsModule,
    UsersModule,
  ],
  controllers: [ReadingStaffController, ReadingController, ReadingStatsController],
  providers: [
    SeasonsRepository,
    CheckinsRepository,
    StandingsRepository,
    FeedRepository,
    ReadingSeasonsService,
    ReadingCheckinsService,
    ReadingFeedService,
    ReadingRankingsService,
    ReadingPosterService,
    ReadingStatsRepository,
    ReadingStatsService,
  ],
})
export class ReadingModule {}
