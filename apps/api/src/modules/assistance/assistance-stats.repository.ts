import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ObjectLiteral, Repository } from 'typeorm';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { AssistanceApplication } from './entities/assistance-application.entity';
import { AssistanceRegisterEntry } from './entities/assistance-register-entry.entity';
import { Wish } from './entities/wish.entity';

/** A count (and maybe a sum) for one street-level union, optionally split by a key. */
export interface StreetCount {
  streetOrgId: number;
  key: string | null;
  count: number;
  sum: number;
}

/**
 * The annual figures, grouped by street-level union: counts and sums only, never a row about a person.
 * Each counts what happened in [from, to) by one timestamp column, within the caller's scope.
 */
@Injectable()
export class AssistanceStatsRepository {
  constructor(
    @InjectRepository(AssistanceApplication) private readonly applications: Repository<AssistanceApplication>,
    @InjectRepository(AssistanceRegisterEntry) private readonly register: Repository<AssistanceRegisterEntry>,
    @InjectRepository(Wish) private readonly wishes: Repository<Wish>,
  ) {}

  applicationsSubmitted(scope: OrgScope, from: Date, to: Date): Promise<StreetCount[]> {
    return this.count(this.applications, 'created_at', scope, from, to);
  }

  /** Granted applications by kind, with the amount granted (fen). */
  applicationsGranted(scope: OrgScope, from: Date, to: Date): Promise<StreetCount[]> {
    return this.count(this.applications, 'granted_at', scope, from, to, 'x.kind', 'x.grant_amount_fen');
  }

  familiesRegistered(scope: OrgScope, from: Date, to: Date): Promise<StreetCount[]> {
    return this.count(this.register, 'created_at', scope, from, to);
  }

  wishesBy(column: 'published_at' | 'claimed_at' | 'fulfilled_at', scope: OrgScope, from: Date, to: Date) {
    return this.count(this.wishes, column, scope, from, to);
  }

  private async count<T extends ObjectLiteral>(
    repo: Repository<T>,
    column: string,
    scope: OrgScope,
    from: Date,
    to: Date,
    key?: string,
    sum?: string,
  ): Promise<StreetCount[]> {
    const qb = repo
      .createQueryBuilder('x')
      .select('x.street_org_id', 'streetOrgId')
      .addSelect('COUNT(*)', 'count')
      .addSelect(sum ? `COALESCE(SUM(${sum}), 0)` : '0', 'sum')
      .where(`x.${column} >= :from AND x.${column} < :to`, { from, to })
      .andWhere(...OrgScopeService.pathCondition(scope, 'x.org_path'))
      .groupBy('x.street_org_id');
    if (key) qb.addSelect(key, 'key').addGroupBy(key);
    const rows = await qb.getRawMany<{
      streetOrgId: number | string;
      key?: string;
      count: number | string;
      sum: number | string;
    }>();
    return rows.map((r) => ({
      streetOrgId: Number(r.streetOrgId),
      key: r.key ?? null,
      count: Number(r.count),
      sum: Number(r.sum),
    }));
  }
}
