import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import type { ContentAuthor } from '../content-safety/content-safety.service';
import { Org } from '../orgs/entities/org.entity';
import { UserRole } from '../users/entities/user-role.entity';
import { User } from '../users/entities/user.entity';

/** A person as a thread or a case names them. */
export interface LegalPersonName {
  id: number;
  realName: string | null;
  nickname: string | null;
}

/** A lawyer grant (district-wide) or a staff grant on the subtree at `orgPath`. */
export interface AssigneeGrant {
  userId: number;
  role: 'lawyer' | 'staff';
  orgPath: string | null;
}

/**
 * Stopgap: the reads of other features' tables (users, user_roles, orgs) that their exports do not offer
 * yet — a worker with openid and org for a content check, several users' names by id, the lawyer and staff
 * grants, the root org. They belong in UsersRepository and the orgs feature; here they stay out of the services.
 */
@Injectable()
export class LegalPeopleRepository {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(UserRole) private readonly roles: Repository<UserRole>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
  ) {}

  /** The worker as a content author (WeChat's content check needs the openid), with their org. */
  async worker(userId: number): Promise<ContentAuthor & { orgPath: string | null }> {
    const user = await this.users.findOneOrFail({ where: { id: userId }, relations: { org: true } });
    return { id: user.id, openid: user.openid, orgId: user.orgId, orgPath: user.org?.path ?? null };
  }

  /** Names of these users, by id. */
  async names(userIds: readonly number[]): Promise<Map<number, LegalPersonName>> {
    if (!userIds.length) return new Map();
    const rows = await this.users.findBy({ id: In([...new Set(userIds)]) });
    return new Map(rows.map((u) => [u.id, { id: u.id, realName: u.realName, nickname: u.nickname }]));
  }

  /** Every lawyer and staff grant, with the granted org's path. */
  async assigneeGrants(): Promise<AssigneeGrant[]> {
    const grants = await this.roles.find({
      where: { role: In(['lawyer', 'staff']) },
      relations: { org: true },
    });
    return grants.map((g) => ({
      userId: g.userId,
      role: g.role === 'lawyer' ? 'lawyer' : 'staff',
      orgPath: g.org?.path ?? null,
    }));
  }

  /** The district at the root of the org tree, or null before any org exists. */
  async rootOrgId(): Promise<number | null> {
    const root = await this.orgs.findOne({
      select: { id: true },
      where: { parentId: IsNull() },
      order: { id: 'ASC' },
    });
    return root ? Number(root.id) : null;
  }
}
