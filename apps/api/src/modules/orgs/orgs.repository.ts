import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { OrgKind } from '@jingcai/shared';
import { In, IsNull, Repository } from 'typeorm';
import { containsPattern } from '../../common/database/like';
import { Org } from './entities/org.entity';
import { childPath } from './org-tree';

export interface OrgFilter {
  q?: string;
  parentId?: number;
  skip: number;
  take: number;
}

export interface NewOrg {
  name: string;
  kind: OrgKind;
  depth: number;
  memberCount: number;
}

/** The orgs table's statements. */
@Injectable()
export class OrgsRepository {
  constructor(@InjectRepository(Org) private readonly orgs: Repository<Org>) {}

  /** A page of orgs in tree order (by path), with the total. */
  page(filter: OrgFilter): Promise<[Org[], number]> {
    const qb = this.orgs.createQueryBuilder('o').orderBy('o.path', 'ASC').skip(filter.skip).take(filter.take);
    if (filter.q) qb.andWhere("o.name LIKE :q ESCAPE '!'", { q: containsPattern(filter.q) });
    if (filter.parentId) qb.andWhere('o.parent_id = :parentId', { parentId: filter.parentId });
    return qb.getManyAndCount();
  }

  /** The whole tree, in path order. */
  all(): Promise<Org[]> {
    return this.orgs.find({ order: { path: 'ASC' } });
  }

  byId(id: number): Promise<Org | null> {
    return this.orgs.findOneBy({ id });
  }

  exists(id: number): Promise<boolean> {
    return this.orgs.existsBy({ id });
  }

  /** Id and path of one org: what scope checks need. */
  pathOf(id: number): Promise<Pick<Org, 'id' | 'path'> | null> {
    return this.orgs.findOne({ select: { id: true, path: true }, where: { id } });
  }

  /** The paths of these orgs (unknown ids are left out). */
  async pathsOf(ids: number[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.orgs.find({ select: { id: true, path: true }, where: { id: In(ids) } });
    return rows.map((r) => r.path);
  }

  /** id → name of these orgs. */
  async namesOf(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.orgs.find({ select: { id: true, name: true }, where: { id: In(ids) } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Inserts an org under `parent` and writes its path, which holds its own id, in one transaction. */
  insertUnder(parent: Org | null, org: NewOrg): Promise<number> {
    return this.orgs.manager.transaction(async (manager) => {
      const repo = manager.getRepository(Org);
      const saved = await repo.save(repo.create({ ...org, parentId: parent?.id ?? null }));
      await repo.update(saved.id, { path: childPath(parent, saved.id) });
      return saved.id;
    });
  }

  /** Renames or recounts an org; fields left undefined stay as they are. */
  async update(id: number, changes: { name?: string; memberCount?: number }): Promise<void> {
    await this.orgs.update(id, {
      ...(changes.name === undefined ? {} : { name: changes.name }),
      ...(changes.memberCount === undefined ? {} : { memberCount: changes.memberCount }),
    });
  }

  /** The orgs at one depth of the tree (the rows of an org ranking). */
  atDepth(depth: number): Promise<Org[]> {
    return this.orgs.findBy({ depth });
  }

  /** The district at the root of the tree, or null before any org exists. */
  async rootId(): Promise<number | null> {
    const root = await this.orgs.findOne({ select: { id: true }, where: { parentId: IsNull() }, order: { id: 'ASC' } });
    return root ? Number(root.id) : null;
  }
}
