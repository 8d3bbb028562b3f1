import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { AccountController } from './account.controller';
import { AccountDeletionsRepository } from './account-deletions.repository';
import { AccountService } from './account.service';
import { AccountDeletion } from './entities/account-deletion.entity';
import { ErasureSweeper } from './erasure-sweeper';
import { PART_CLASSES, personalDataPartsProvider } from './personal-data-parts';
import { RevocationPoller } from './revocation-poller';

/**
 * Personal-data rights. The features' parts are provided here, each from the feature's own file, so no
 * feature module changes to take part; UploadsModule lends the file storage for erasing photos.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AccountDeletion]), UsersModule, UploadsModule],
  controllers: [AccountController],
  providers: [
    ...PART_CLASSES,
    personalDataPartsProvider,
    AccountDeletionsRepository,
    AccountService,
    RevocationPoller,
    ErasureSweeper,
  ],
})
export class AccountModule {}
