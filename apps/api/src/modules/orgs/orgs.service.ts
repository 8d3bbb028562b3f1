import { Injectable } from '@nestjs/common';
import type { OrgTreeNode, OrgView, Page } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { isAdmin } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app-exception';
import { type CreateOrgDto } from './dto/create-org.dto';
import { type OrgQueryDto } from './dto/org-query.dto';
import { type UpdateOrgDto } from './dto/update-org.dto';
import type { Org } from './entities/org.entity';
import { buildTree, pathIds, toOrgView } from './org.mapper';
import { OrgScopeService } from './org-scope.service';
import { childDepth } from './org-tree';
import { OrgsRepository } from './orgs.repository';

@Injectable()
export class OrgsService {
  constructor(
    private readonly orgs: OrgsRepository,
    private readonly scope: OrgScopeService,
  ) {}

  async list(query: OrgQueryDto): Promise<Page<OrgView>> {
    const [items, total] = await this.orgs.page({
      q: query.q,
      parentId: query.parentId,
      skip: query.skip,
      take: query.pageSize,
    });
    const names = await this.namesOnPaths(items);
    return {
      items: items.map((o) => toOrgView(o, names)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async tree(): Promise<OrgTreeNode[]> {
    return buildTree(await this.orgs.all());
  }

  async get(id: number): Promise<OrgView> {
    const org = await this.orgs.byId(id);
    if (!org) throw AppException.notFound('组织不存在');
    return toOrgView(org, await this.namesOnPaths([org]));
  }

  async create(user: AuthUser, dto: CreateOrgDto): Promise<OrgView> {
    if (dto.parentId === null && !isAdmin(user))
      throw AppException.forbidden('只有区总工会管理员可以创建顶级组织');
    if (dto.parentId !== null) await this.scope.assertCanManage(user, dto.parentId);

    const parent = dto.parentId === null ? null : await this.orgs.byId(dto.parentId);
    if (dto.parentId !== null && !parent) throw AppException.notFound('上级组织不存在');
    const id = await this.orgs.insertUnder(parent, {
      name: dto.name.trim(),
      kind: dto.kind,
      depth: childDepth(parent),
      memberCount: dto.memberCount ?? 0,
    });
    return this.get(id);
  }

  async update(user: AuthUser, id: number, dto: UpdateOrgDto): Promise<OrgView> {
    if (!(await this.orgs.exists(id))) throw AppException.notFound('组织不存在');
    await this.scope.assertCanManage(user, id);
    await this.orgs.update(id, { name: dto.name?.trim(), memberCount: dto.memberCount });
    return this.get(id);
  }

  private namesOnPaths(orgs: Org[]): Promise<Map<number, string>> {
    return this.orgs.namesOf([...new Set(orgs.flatMap((o) => pathIds(o.path)))]);
  }
}
