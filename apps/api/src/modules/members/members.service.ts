import { Injectable } from '@nestjs/common';
import { isMainlandMobile, maskPhone, type MemberView, type Page, type UserTag } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { AppException } from '../../common/errors/app-exception';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService } from '../orgs/org-scope.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import type { User } from '../users/entities/user.entity';
import { MemberDirectoryRepository } from '../users/member-directory.repository';
import { UsersRepository } from '../users/users.repository';
import { type MemberQueryDto } from './dto/member-query.dto';

/**
 * The member directory staff work from: the workers of their subtree, searched by name or by a full
 * phone number (matched on its keyed hash: phones are never decrypted to be searched), and their tags.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly directory: MemberDirectoryRepository,
    private readonly users: UsersRepository,
    private readonly orgs: OrgsRepository,
    private readonly scope: OrgScopeService,
    private readonly cipher: PiiCipher,
  ) {}

  async search(staff: AuthUser, query: MemberQueryDto): Promise<Page<MemberView>> {
    let subtreePath: string | undefined;
    if (query.orgId) {
      const org = await this.orgs.pathOf(query.orgId);
      if (!org || !(await this.scope.canManage(staff, org.id)))
        throw AppException.invalid('orgId', '只能查看本组织及下级组织');
      subtreePath = org.path;
    }
    const byPhone = query.q !== undefined && isMainlandMobile(query.q);
    const [rows, total] = await this.directory.page(await this.scope.scopeOf(staff), {
      subtreePath,
      phoneHash: byPhone ? this.cipher.lookupHash(query.q!) : undefined,
      name: byPhone ? undefined : query.q || undefined,
      tag: query.tag,
      category: query.category,
      membership: query.membership,
      skip: query.skip,
      take: query.pageSize,
    });
    return { items: rows.map((u) => this.toView(u)), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Replaces the worker's tags; 404 alike for no such worker and one outside the caller's subtree (by the
   * verified org), 403 for the caller's own record.
   */
  async setTags(staff: AuthUser, id: number, tags: UserTag[]): Promise<MemberView> {
    // Tags open benefits (高温岗位 packs…): nobody tags themselves, whatever their scope.
    if (id === staff.id) throw new AppException('OWN_RECORD', '不能给自己设置标签');
    const user = await this.users.withOrg(id);
    if (!user?.org || !this.scope.contains(await this.scope.scopeOf(staff), user.org)) {
      throw AppException.notFound('职工不存在');
    }
    await this.directory.setTags(id, [...new Set(tags)]);
    return this.toView((await this.users.withOrg(id))!);
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
