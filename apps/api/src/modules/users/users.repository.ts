import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MembershipStatus, UserTag, WorkerCategory } from '@jingcai/shared';
import { DataSource } from 'typeorm';
import { hotQuery } from '../../common/database/hot-query';

/** What other features may know of a worker to apply their rules: eligibility, audiences, names. */
export interface PersonFacts {
  id: number;
  realName: string | null;
  nickname: string | null;
  category: WorkerCategory | null;
  gigVerified: boolean;
  tags: UserTag[];
  membership: MembershipStatus;
  orgId: number | null;
  orgPath: string | null;
  orgName: string | null;
}

interface PersonRow extends Omit<PersonFacts, 'gigVerified' | 'tags'> {
  gigVerified: number | boolean | string;
  tags: string | null;
}

/** The users table's statements. Other features read a worker through here, never by joining `users`. */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * A worker and their org in one plain statement: it runs on every claim of a release rush and every quiz
   * start and submit, where TypeORM's find() cost more CPU than the query.
   */
  async facts(userId: number): Promise<PersonFacts | null> {
    const [row] = await hotQuery<PersonRow>(
      this.dataSource,
      `SELECT u.id, u.real_name AS realName, u.nickname, u.category, u.gig_verified AS gigVerified, u.tags,
              u.membership, u.org_id AS orgId, o.path AS orgPath, o.name AS orgName
         FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id = ?`,
      [userId],
    );
    if (!row) return null;
    return {
      ...row,
      id: Number(row.id),
      orgId: row.orgId === null ? null : Number(row.orgId),
      gigVerified: Boolean(Number(row.gigVerified)),
      tags: (row.tags ? row.tags.split(',') : []) as UserTag[],
    };
  }
}
