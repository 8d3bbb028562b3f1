import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { MembershipStatus, UserTag, WorkerCategory } from '@jingcai/shared';
import { Repository } from 'typeorm';
import { containsPattern } from '../../common/database/like';
import { scopePathCondition, type OrgScope } from '../orgs/org-tree';
import { User } from './entities/user.entity';

export interface MemberFilter {
  /** Only workers of this subtree (an org path), besides the staff member's scope. */
  subtreePath?: string;
  /** A full phone number's keyed hash. */
  phoneHash?: string;
  /** Part of the real name. */
  name?: string;
  tag?: UserTag;
  category?: WorkerCategory;
  membership?: MembershipStatus;
  skip: number;
  take: number;
}

/** The member directory's reads of the users table: workers with an org in the staff member's scope. */
@Injectable()
export class MemberDirectoryRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /** A page of workers (with their org), newest first, with the total. */
  page(scope: OrgScope, filter: MemberFilter): Promise<[User[], number]> {
    const qb = this.users
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.org', 'o')
      .where(...scopePathCondition(scope, 'o.path'))
      // A deleted account (注销) is nobody to manage: its row stays only for the records pointing at it.
      .andWhere('u.deleted_at IS NULL')
      .orderBy('u.id', 'DESC')
      .skip(filter.skip)
      .take(filter.take);
    if (filter.subtreePath) qb.andWhere('o.path LIKE :subtree', { subtree: `${filter.subtreePath}%` });
    if (filter.phoneHash) qb.andWhere('u.phone_hash = :hash', { hash: filter.phoneHash });
    if (filter.name) qb.andWhere("u.real_name LIKE :name ESCAPE '!'", { name: containsPattern(filter.name) });
    if (filter.tag) {
      // Tags are a comma-separated list: the code alone, first, last or in the middle (LIKE-escaped: `_`).
      const tag = filter.tag.replace(/[!%_]/g, (c) => `!${c}`);
      qb.andWhere(
        "(u.tags LIKE :only ESCAPE '!' OR u.tags LIKE :first ESCAPE '!' OR u.tags LIKE :last ESCAPE '!' OR u.tags LIKE :middle ESCAPE '!')",
        { only: tag, first: `${tag},%`, last: `%,${tag}`, middle: `%,${tag},%` },
      );
    }
    if (filter.category) qb.andWhere('u.category = :category', { category: filter.category });
    if (filter.membership) qb.andWhere('u.membership = :membership', { membership: filter.membership });
    return qb.getManyAndCount();
  }

  async setTags(id: number, tags: UserTag[]): Promise<void> {
    await this.users.update(id, { tags });
  }
}
