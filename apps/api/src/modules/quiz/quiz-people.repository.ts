import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Org } from '../orgs/entities/org.entity';
import { User } from '../users/entities/user.entity';

/** A participant as a leaderboard or an export names them. */
export interface ListedPerson {
  id: number;
  realName: string | null;
  nickname: string | null;
  orgName: string | null;
}

/**
 * Reads of other features' tables that their modules do not export yet: many workers at once (UsersRepository
 * has `facts` for one) and the orgs at one depth. Typed finds on their entities, so a renamed column breaks
 * the build; they belong in UsersRepository and the orgs module, and move there when those offer them.
 */
@Injectable()
export class QuizPeopleRepository {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
  ) {}

  async people(ids: number[]): Promise<Map<number, ListedPerson>> {
    if (!ids.length) return new Map();
    const users = await this.users.find({ where: { id: In(ids) }, relations: { org: true } });
    return new Map(
      users.map((u) => [
        u.id,
        { id: u.id, realName: u.realName, nickname: u.nickname, orgName: u.org?.name ?? null },
      ]),
    );
  }

  orgsAtDepth(depth: number): Promise<Org[]> {
    return this.orgs.findBy({ depth });
  }
}
