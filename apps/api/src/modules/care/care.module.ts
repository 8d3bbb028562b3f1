import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { Org } from '../orgs/entities/org.entity';
import { OrgsModule } from '../orgs/orgs.module';
import { User } from '../users/entities/user.entity';
import { WechatModule } from '../wechat/wechat.module';
import { BenefitsController } from './benefits.controller';
import { BenefitsService } from './benefits.service';
import { ClaimSweeper } from './claim-sweeper';
import { ClaimsController } from './claims.controller';
import { ClaimsService } from './claims.service';
import { Benefit } from './entities/benefit.entity';
import { Claim } from './entities/claim.entity';
import { Station } from './entities/station.entity';
import { StationsController } from './stations.controller';
import { StationsService } from './stations.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Station, Benefit, Claim, User, Org]),
    OrgsModule,
    WechatModule,
    NotificationsModule,
  ],
  controllers: [StationsController, BenefitsController, ClaimsController],
  providers: [StationsService, BenefitsService, ClaimsService, ClaimSweeper],
})
export class CareModule {}
