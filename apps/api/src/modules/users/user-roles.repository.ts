import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@jingcai/shared';
import { In, IsNull, Repository } from 'typeorm';
import { UserRole } from './entities/user-role.entity';

/** A lawyer grant (district-wide) or a staff grant on the subtree at `orgPath`. */
export interface AssigneeGrant {
  userId: number;
  role: 'lawyer' | 'staff';
  orgPath: string | null;
}

/** The user_roles table's statements: grants beyond `worker`. */
@Injectable()
export class UserRolesRepository {
  constructor(@InjectRepository(UserRole) private readonly roles: Repository<UserRole>) {}

  /** A user's grants in the order they were made. */
  grantsOf(userId: number): Promise<UserRole[]> {
    return this.roles.find({ where: { userId }, order: { id: 'ASC' } });
  }

  /** Adds a grant unless the user already holds it. */
  async grant(userId: number, role: Role, orgId: number | null): Promise<void> {
    const already = await this.roles.existsBy({ userId, role, orgId: orgId ?? IsNull() });
    if (!already) await this.roles.insert({ userId, role, orgId });
  }

  async revoke(userId: number, role: Role, orgId: number | null): Promise<void> {
    await this.roles.delete({ userId, role, orgId: orgId ?? IsNull() });
  }

  /** Every lawyer and staff grant, with the granted org's path: who may be assigned a legal question. */
  async assigneeGrants(): Promise<AssigneeGrant[]> {
    const grants = await this.roles.find({ where: { role: In(['lawyer', 'staff']) }, relations: { org: true } });
    return grants.map((g) => ({
      userId: g.userId,
      role: g.role === 'lawyer' ? 'lawyer' : 'staff',
      orgPath: g.org?.path ?? null,
    }));
  }
}
