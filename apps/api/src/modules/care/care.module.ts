import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgsModule } from '../orgs/orgs.module';
import { UsersModule } from '../users/users.module';
import { WechatModule } from '../wechat/wechat.module';
import { BenefitsController } from './benefits.controller';
import { BenefitsRepository } from './benefits.repository';
import { BenefitsService } from './benefits.service';
import { CareStatsController } from './care-stats.controller';
import { CareStatsRepository } from './care-stats.repository';
import { CareStatsService } from './care-stats.service';
import { ClaimFastPath } from './claim-fast-path';
import { ClaimSweeper } from './claim-sweeper';
import { ClaimsController } from './claims.controller';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';
import { Benefit } from './entities/benefit.entity';
import { Claim } from './entities/claim.entity';
import { Station } from './entities/station.entity';
import { RedemptionsService } from './redemptions.service';
import { StationsController } from './stations.controller';
import { StationsRepository } from './stations.repository';
import { StationsService } from './stations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Station, Benefit, Claim]),
    OrgsModule,
    UsersModule,
    WechatModule,
    NotificationsModule,
  ],
  controllers: [StationsController, BenefitsController, ClaimsController, CareStatsController],
  providers: [
    StationsRepository,
    BenefitsRepository,
    ClaimsRepository,
    StationsService,
    BenefitsService,
    ClaimsService,
    RedemptionsService,
    CareStatsRepository,
    CareStatsService,
    ClaimSweeper,
    ClaimFastPath,
  ],
})
export class CareModule {}
