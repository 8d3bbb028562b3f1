import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonalDataSectionView } from '@jingcai/shared';
import { DataSource, Not } from 'typeorm';
import { iso, type PersonalDataPart } from '../../common/personal-data';
import { Claim, PENDING } from './entities/claim.entity';

/**
 * Care-package claims in a worker's data copy. Nothing to erase: a claim holds a benefit, a station, a
 * pickup code and times, and points at the user row, which deletion anonymises. Redeemed claims stay for
 * the stock and hand-out ledger; an open claim expires and returns its pack as any other.
 */
@Injectable()
export class CarePersonalDataRepository implements PersonalDataPart {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async exportOf(userId: number): Promise<PersonalDataSectionView[]> {
    const claims = await this.dataSource.getRepository(Claim).find({
      // A pending claim is a try in flight that holds no pack; it is nobody's record yet.
      where: { userId, status: Not(PENDING) },
      relations: { benefit: true, station: true },
      order: { id: 'ASC' },
    });
    return [
      {
        key: 'claims',
        title: '礼包领取',
        rows: claims.map((c) => ({
          id: c.id,
          benefit: c.benefit?.title ?? null,
          station: c.station?.name ?? null,
          code: c.code,
          status: c.status,
          createdAt: iso(c.createdAt),
          expiresAt: iso(c.expiresAt),
          redeemedAt: iso(c.redeemedAt),
        })),
      },
    ];
  }
}
