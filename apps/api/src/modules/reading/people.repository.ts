import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { ContentAuthor } from '../content-safety/content-safety.service';
import { Org } from '../orgs/entities/org.entity';
import { User } from '../users/entities/user.entity';

/** A person as the feed, the rankings and the export name them. */
export interface ReaderName {
  realName: string | null;
  nickname: string | null;
  orgName: string | null;
}

/**
 * Stopgap: the reads of other features' tables (users, orgs) that their exports do not offer yet — several
 * users by id with their org names, a worker's openid for content checks, the orgs at one depth. They
 * belong in UsersRepository and the orgs feature; here they at least stay out of the services.
 */
@Injectable()
export class ReadingPeopleRepository {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
  ) {}

  /** Names and org names of these users, by id. */
  async names(userIds: readonly number[]): Promise<Map<number, ReaderName>> {
    if (!userIds.length) return new Map();
    const rows = await this.users.find({
      where: { id: In([...new Set(userIds)]) },
      relations: { org: true },
    });
    return new Map(
      rows.map((u) => [
        u.id,
        {
          realName: u.realName,
          nickname: u.nickname,
          orgName: u.org?.name ?? null,
        },
      ]),
    );
  }

  /** The worker as a content author (WeChat's content check needs the openid), with their org path. */
  async author(userId: number): Promise<ContentAuthor & { orgPath: string | null }> {
    const user = await this.users.findOneOrFail({
      where: { id: userId },
      relations: { org: true },
    });
    return {
      id: user.id,
      openid: user.openid,
      orgId: user.orgId,
      orgPath: user.org?.path ?? null,
    };
  }

  /** The orgs at one depth of the tree (an org ranking's rows). */
  orgsAtDepth(depth: number): Promise<Org[]> {
    return this.orgs.findBy({ depth });
  }
}
