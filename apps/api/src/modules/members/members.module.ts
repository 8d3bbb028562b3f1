import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Org } from '../orgs/entities/org.entity';
import { OrgsModule } from '../orgs/orgs.module';
import { User } from '../users/entities/user.entity';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Org]), OrgsModule],
  controllers: [MembersController],
  providers: [MembersService],
})
export class MembersModule {}
