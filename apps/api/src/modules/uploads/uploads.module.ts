import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Upload } from './entities/upload.entity';
import { FileStorage } from './storage/file-storage';
import { LocalDiskStorage } from './storage/local-disk-storage';
import { ObjectStorage } from './storage/object-storage';
import { UploadsController } from './uploads.controller';
import { UploadsRepository } from './uploads.repository';
import { UploadsService } from './uploads.service';

@Module({
  imports: [TypeOrmModule.forFeature([Upload])],
  controllers: [UploadsController],
  providers: [
    UploadsService,
    UploadsRepository,
    // The one place that picks the storage backend (STORAGE_DRIVER).
    {
      provide: FileStorage,
      inject: [APP_CONFIG],
      useFactory: ({ storage }: AppConfig): FileStorage =>
        storage.kind === 'local' ? new LocalDiskStorage(storage.dir) : new ObjectStorage(storage),
    },
  ],
  // FileStorage too: the erasure of a deleted account's photos (uploads-personal-data.repository.ts).
  exports: [UploadsService, FileStorage],
})
export class UploadsModule {}
