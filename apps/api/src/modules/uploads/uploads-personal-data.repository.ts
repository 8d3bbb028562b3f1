import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonalDataSectionView } from '@jingcai/shared';
import { DataSource } from 'typeorm';
import { iso, type PersonalDataPart } from '../../common/personal-data';
import { Upload } from './entities/upload.entity';
import { FileStorage } from './storage/file-storage';

/**
 * A worker's photos: listed in the data copy, and on deletion removed from storage and the table, so no
 * signed link to them works again. The features' own erasure has already dropped their references.
 */
@Injectable()
export class UploadsPersonalDataRepository implements PersonalDataPart {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: FileStorage,
  ) {}

  async exportOf(userId: number): Promise<PersonalDataSectionView[]> {
    const rows = await this.dataSource.getRepository(Upload).find({ where: { ownerId: userId } });
    return [
      {
        key: 'uploads',
        title: '上传的图片',
        rows: rows.map((u) => ({ id: u.id, purpose: u.purpose, bytes: u.size, createdAt: iso(u.createdAt) })),
      },
    ];
  }

  /** File first, then row: a failure leaves the row, so the next sweep finds and retries it. */
  async eraseOf(userId: number): Promise<void> {
    const repo = this.dataSource.getRepository(Upload);
    for (const upload of await repo.find({ where: { ownerId: userId } })) {
      await this.storage.delete(upload.storageKey);
      await repo.delete(upload.id);
    }
  }
}
