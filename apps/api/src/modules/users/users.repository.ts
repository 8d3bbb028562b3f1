import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { MembershipStatus, UserTag, WorkerCategory } from '@jingcai/shared';
import { DataSource, In, Repository } from 'typeorm';
import { hotQuery } from '../../common/database/hot-query';
import { PrivacyConsent } from './entities/privacy-consent.entity';
import { User } from './entities/user.entity';

/**
 * What other features may know of a worker to apply their rules: eligibility, audiences, names. Only
 * verified facts: `orgId` is the org staff approved, `category` is null unless a review confirmed it
 * (an approved membership application, or gig verification of that very category).
 */
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

/** A person's names, for the one name rule (`publicName` / `staffName`). */
export interface PersonNames {
  realName: string | null;
  nickname: string | null;
}

/** A person as a list shows them (leaderboards, the feed, exports): names and org name. */
export interface ListedPerson extends PersonNames {
  id: number;
  orgName: string | null;
}

/** A person as their content is checked and routed: WeChat's check needs the openid, staff queues the org. */
export interface ContentAuthorFacts {
  id: number;
  openid: string;
  orgId: number | null;
  orgPath: string | null;
}

/** A person as staff handling a claim see them: names and the encrypted phone (masked by the caller). */
export interface PersonContact extends PersonNames {
  id: number;
  phoneCipher: string | null;
}

/** The profile columns a worker (or a decision about them) may change. */
export type ProfileChanges = Partial<
  Pick<
    User,
    | 'realName'
    | 'nickname'
    | 'requestedOrgId'
    | 'orgRequestedAt'
    | 'category'
    | 'categoryVerified'
    | 'gigVerified'
    | 'idNumberCipher'
    | 'idNumberHash'
    | 'phoneCipher'
    | 'phoneHash'
    | 'wechatPhoneHash'
    | 'avatarUploadId'
    | 'tags'
    | 'careMode'
  >
>;

interface PersonRow extends Omit<PersonFacts, 'gigVerified' | 'tags'> {
  gigVerified: number | boolean | string;
  tags: string | null;
}

/**
 * A worker's facts as scalar subqueries on one `?` (their id), for another feature's hot write that records
 * them as it writes, with no read before it: a quiz submit keeps the org path on the leaderboard row and the
 * name on the certificate. `staffName` is `staffName()` in SQL (the real name, else the nickname, else 职工);
 * test/quiz-hot-path.e2e-spec.ts holds the two together.
 */
export const PERSON_SQL = {
  /** 长辈模式 (0 or 1), which lengthens a timed quiz. */
  careMode: '(SELECT u.care_mode FROM users u WHERE u.id = ?)',
  orgPath: '(SELECT o.path FROM users u JOIN orgs o ON o.id = u.org_id WHERE u.id = ?)',
  staffName:
    "COALESCE((SELECT COALESCE(NULLIF(u.real_name, ''), NULLIF(u.nickname, '')) FROM users u WHERE u.id = ?), '职工')",
} as const;

/** A person as a leaderboard places them: names, org name and the org path their audience is judged by. */
export interface PersonCard extends PersonNames {
  orgName: string | null;
  orgPath: string | null;
}

/**
 * A worker's card (PersonCard's columns) joined to another feature's bulk read on `personId`, a column of its
 * table: a leaderboard reads every participant's card in one statement instead of one per new reader.
 */
export function personCardSql(personId: string): { columns: string; joins: string } {
  return {
    columns: 'card_u.real_name AS realName, card_u.nickname, card_o.name AS orgName, card_o.path AS orgPath',
    joins: `LEFT JOIN users card_u ON card_u.id = ${personId} LEFT JOIN orgs card_o ON card_o.id = card_u.org_id`,
  };
}

/** The users table's statements. Other features read a worker through here, never by joining `users`. */
@Injectable()
export class UsersRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  /**
   * A worker and their org in one plain statement: it runs on every claim of a release rush and every quiz
   * start and submit, where TypeORM's find() cost more CPU than the query.
   */
  async facts(userId: number): Promise<PersonFacts | null> {
    const [row] = await hotQuery<PersonRow>(
      this.dataSource,
      `SELECT u.id, u.real_name AS realName, u.nickname,
              CASE WHEN u.category_verified = 1 OR u.gig_verified = 1 THEN u.category END AS category,
              u.gig_verified AS gigVerified, u.tags,
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

  byId(id: number): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  exists(id: number): Promise<boolean> {
    return this.users.existsBy({ id });
  }

  /** The user with their org (and the org they asked to change to), as the profile and the member card show them. */
  withOrg(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: { org: true, requestedOrg: true } });
  }

  /** Users (with their org) whose phone has this keyed hash. */
  withOrgByPhoneHash(phoneHash: string): Promise<User[]> {
    return this.users.find({ where: { phoneHash }, relations: { org: true, requestedOrg: true } });
  }

  /** The privacy-policy version the user consented to (null: none; undefined: no such user). */
  async consentVersionOf(id: number): Promise<string | null | undefined> {
    const user = await this.users.findOne({ select: { id: true, consentVersion: true }, where: { id } });
    return user ? user.consentVersion : undefined;
  }

  async openidOf(id: number): Promise<string | null> {
    const user = await this.users.findOne({ select: { id: true, openid: true }, where: { id } });
    return user?.openid ?? null;
  }

  /** id → names of these users (unknown ids are left out). */
  async namesOf(ids: number[]): Promise<Map<number, PersonNames>> {
    if (ids.length === 0) return new Map();
    const rows = await this.users.find({
      select: { id: true, realName: true, nickname: true },
      where: { id: In(ids) },
    });
    return new Map(rows.map((u) => [u.id, { realName: u.realName, nickname: u.nickname }]));
  }

  /** The user behind an openid, created on first login. Safe when two logins race (INSERT IGNORE). */
  async findOrCreateByOpenid(openid: string, unionid?: string): Promise<User> {
    const existing = await this.users.findOneBy({ openid });
    if (existing) {
      if (unionid && existing.unionid !== unionid) await this.users.update(existing.id, { unionid });
      return { ...existing, unionid: unionid ?? existing.unionid };
    }
    await this.users
      .createQueryBuilder()
      .insert()
      .values({ openid, unionid: unionid ?? null })
      .orIgnore()
      .updateEntity(false)
      .execute();
    return this.users.findOneByOrFail({ openid });
  }

  /** Records a consent (the history row and the user's current version) in one transaction. */
  async recordConsent(userId: number, version: string, at: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(PrivacyConsent, { userId, version });
      await manager.update(User, userId, { consentVersion: version, consentAt: at });
    });
  }

  /** Writes profile changes; a taken ID number surfaces as the unique violation it is. */
  async updateProfile(id: number, changes: ProfileChanges): Promise<void> {
    await this.users.update(id, changes);
  }

  /** Many people at once, with their org names (unknown ids are left out). */
  async listed(ids: readonly number[]): Promise<Map<number, ListedPerson>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.users.find({ where: { id: In(unique) }, relations: { org: true } });
    return new Map(
      rows.map((u) => [u.id, { id: u.id, realName: u.realName, nickname: u.nickname, orgName: u.org?.name ?? null }]),
    );
  }

  /** The author of a piece of content; 404-worthy absence is the caller's to judge. */
  async author(userId: number): Promise<ContentAuthorFacts | null> {
    const user = await this.users.findOne({ where: { id: userId }, relations: { org: true } });
    return user ? { id: user.id, openid: user.openid, orgId: user.orgId, orgPath: user.org?.path ?? null } : null;
  }

  /** Names and encrypted phones of these people (unknown ids are left out). */
  async contacts(ids: readonly number[]): Promise<Map<number, PersonContact>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.users.find({
      select: { id: true, realName: true, nickname: true, phoneCipher: true },
      where: { id: In(unique) },
    });
    return new Map(rows.map((u) => [u.id, u]));
  }
}
