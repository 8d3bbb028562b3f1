import { Module } from '@nestjs/common';
import { OrgsModule } from '../orgs/orgs.module';
import { UsersModule } from '../users/users.module';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

@Module({
  imports: [OrgsModule, UsersModule],
  controllers: [MembersController],
  providers: [MembersService],
})
export class MembersModule {}
