import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isMainlandMobile, maskPhone, type MemberView, type Page, type UserTag } from '@jingcai/shared';
import { Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { containsPattern } from '../../common/database/like';
import { AppException } from '../../common/errors/app-exception';
import { Org } from '../orgs/entities/org.entity';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService } from '../orgs/org-scope.service';
import { User } from '../users/entities/user.entity';
import type { MemberQueryDto } from './dto/member.dto';

/**
 * The member directory staff work from: the workers of their subtree, searched by name or by a full
 * phone number (matched on its keyed hash: phones are never decrypted to be searched), and their tags.
 */
@Injectable()
export class MembersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly scope: OrgScopeService,
    private readonly cipher: PiiCipher,
  ) {}

  async search(staff: AuthUser, query: MemberQueryDto): Promise<Page<MemberView>> {
    const qb = this.users
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.org', 'o')
      .where(...OrgScopeService.pathCondition(await this.scope.scopeOf(staff), 'o.path'))
      .orderBy('u.id', 'DESC')
      .skip(query.skip)
      .take(query.pageSize);
    if (query.orgId) {
      const org = await this.orgs.findOneBy({ id: query.orgId });
      if (!org || !(await this.scope.canManage(staff, org.id)))
        throw AppException.invalid('orgId', '只能查看本组织及下级组织');
      qb.andWhere('o.path LIKE :subtree', { subtree: `${org.path}%` });
    }
    if (query.q) {
      if (isMainlandMobile(query.q))
        qb.andWhere('u.phone_hash = :hash', { hash: this.cipher.lookupHash(query.q) });
      else qb.andWhere("u.real_name LIKE :name ESCAPE '!'", { name: containsPattern(query.q) });
    }
    if (query.tag) {
      // Tags are a comma-separated list: the code alone, first, last or in the middle (LIKE-escaped: `_`).
      const tag = query.tag.replace(/[!%_]/g, (c) => `!${c}`);
      qb.andWhere(
        "(u.tags LIKE :only ESCAPE '!' OR u.tags LIKE :first ESCAPE '!' OR u.tags LIKE :last ESCAPE '!' OR u.tags LIKE :middle ESCAPE '!')",
        { only: tag, first: `${tag},%`, last: `%,${tag}`, middle: `%,${tag},%` },
      );
    }
    if (query.category) qb.andWhere('u.category = :category', { category: query.category });
    if (query.membership) qb.andWhere('u.membership = :membership', { membership: query.membership });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map((u) => this.toView(u)), total, page: query.page, pageSize: query.pageSize };
  }

  /** Replaces the worker's tags; 404 alike for no such worker and one outside the caller's subtree. */
  async setTags(staff: AuthUser, id: number, tags: UserTag[]): Promise<MemberView> {
    const user = await this.users.findOne({ where: { id }, relations: { org: true } });
    if (!user?.org || !this.scope.contains(await this.scope.scopeOf(staff), user.org)) {
      throw AppException.notFound('职工不存在');
    }
    await this.users.update(id, { tags: [...new Set(tags)] });
    return this.toView(await this.users.findOneOrFail({ where: { id }, relations: { org: true } }));
  }

  private toView(u: User): MemberView {
    return {
      id: u.id,
      realName: u.realName,
      phone: u.phoneCipher ? maskPhone(this.cipher.decrypt(u.phoneCipher)) : null,
      org: u.org ? toOrgSummary(u.org) : null,
      category: u.category,
      gigVerified: u.gigVerified,
      tags: u.tags,
      membership: u.membership,
      memberNo: u.memberNo,
      memberSince: u.memberSince?.toISOString() ?? null,
    };
  }
}
