import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { OrgTreeNode, OrgView, Page } from '@jingcai/shared';
import { DataSource, In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { isAdmin } from '../../common/auth/auth-user';
import { containsPattern } from '../../common/database/like';
import { AppException } from '../../common/errors/app-exception';
import type { CreateOrgDto, ListOrgsQuery, UpdateOrgDto } from './dto/org.dto';
import { Org } from './entities/org.entity';
import { buildTree, pathIds, toOrgView } from './org.mapper';
import { OrgScopeService } from './org-scope.service';

/** The tree is a handful of levels deep; deeper means a data-entry mistake. */
const MAX_DEPTH = 6;

@Injectable()
export class OrgsService {
  constructor(
    @InjectRepository(Org) private readonly orgs: Repository<Org>,
    private readonly scope: OrgScopeService,
    private readonly dataSource: DataSource,
  ) {}

  async list(query: ListOrgsQuery): Promise<Page<OrgView>> {
    const qb = this.orgs
      .createQueryBuilder('o')
      .orderBy('o.path', 'ASC')
      .skip(query.skip)
      .take(query.pageSize);
    if (query.q) qb.andWhere("o.name LIKE :q ESCAPE '!'", { q: containsPattern(query.q) });
    if (query.parentId) qb.andWhere('o.parent_id = :parentId', { parentId: query.parentId });
    const [items, total] = await qb.getManyAndCount();
    const names = await this.namesOnPaths(items);
    return {
      items: items.map((o) => toOrgView(o, names)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async tree(): Promise<OrgTreeNode[]> {
    return buildTree(await this.orgs.find({ order: { path: 'ASC' } }));
  }

  async get(id: number): Promise<OrgView> {
    const org = await this.orgs.findOneBy({ id });
    if (!org) throw AppException.notFound('组织不存在');
    return toOrgView(org, await this.namesOnPaths([org]));
  }

  async create(user: AuthUser, dto: CreateOrgDto): Promise<OrgView> {
    if (dto.parentId === null && !isAdmin(user))
      throw AppException.forbidden('只有区总工会管理员可以创建顶级组织');
    if (dto.parentId !== null) await this.scope.assertCanManage(user, dto.parentId);

    const id = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(Org);
      const parent = dto.parentId === null ? null : await repo.findOneBy({ id: dto.parentId });
      if (dto.parentId !== null && !parent) throw AppException.notFound('上级组织不存在');
      if (parent && parent.depth + 1 >= MAX_DEPTH) {
        throw new AppException(
          'VALIDATION_FAILED',
          `组织层级不能超过 ${MAX_DEPTH} 级`,
        );
      }
      const saved = await repo.save(
        repo.create({
          name: dto.name.trim(),
          kind: dto.kind,
          parentId: parent?.id ?? null,
          depth: parent ? parent.depth + 1 : 0,
          memberCount: dto.memberCount ?? 0,
        }),
      );
      // The path contains the row's own id, so it is written once the id exists.
      await repo.update(saved.id, { path: `${parent?.path ?? '/'}${saved.id}/` });
      return saved.id;
    });
    return this.get(id);
  }

  async update(user: AuthUser, id: number, dto: UpdateOrgDto): Promise<OrgView> {
    if (!(await this.orgs.existsBy({ id }))) throw AppException.notFound('组织不存在');
    await this.scope.assertCanManage(user, id);
    await this.orgs.update(id, {
      ...(dto.name === undefined ? {} : { name: dto.name.trim() }),
      ...(dto.memberCount === undefined ? {} : { memberCount: dto.memberCount }),
    });
    return this.get(id);
  }

  private async namesOnPaths(orgs: Org[]): Promise<Map<number, string>> {
    const ids = [...new Set(orgs.flatMap((o) => pathIds(o.path)))];
    if (ids.length === 0) return new Map();
    const rows = await this.orgs.find({ select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
