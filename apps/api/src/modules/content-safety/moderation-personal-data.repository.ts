import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type PersonalDataPart } from '../../common/personal-data';
import { ModerationItem } from './entities/moderation-item.entity';

/**
 * A deleted worker's items in the moderation queue: still-pending ones are closed (approving one later
 * would publish a deleted person's text), and the text kept in every item is emptied. The copy has no
 * section here: each item's text is in the copy of the feature it was written for.
 */
@Injectable()
export class ModerationPersonalDataRepository implements PersonalDataPart {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async eraseOf(userId: number): Promise<void> {
    const repo = this.dataSource.getRepository(ModerationItem);
    await repo.update({ authorId: userId, status: 'pending' }, { status: 'rejected' });
    await repo.update({ authorId: userId }, { content: '' });
  }
}
