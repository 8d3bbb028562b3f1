import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { UploadPurpose } from '@jingcai/shared';
import { Repository } from 'typeorm';
import { Upload } from './entities/upload.entity';

/** The uploads table's statements. */
@Injectable()
export class UploadsRepository {
  constructor(@InjectRepository(Upload) private readonly uploads: Repository<Upload>) {}

  /** Records an upload; answers the stored row. */
  insert(upload: Omit<Upload, 'createdAt'>): Promise<Upload> {
    return this.uploads.save(this.uploads.create(upload));
  }

  byId(id: string): Promise<Upload | null> {
    return this.uploads.findOneBy({ id });
  }

  /** The upload if it belongs to `ownerId` and was made for `purpose`. */
  owned(id: string, ownerId: number, purpose: UploadPurpose): Promise<Upload | null> {
    return this.uploads.findOneBy({ id, ownerId, purpose });
  }
}
