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

  /** Removes a grant; false when the user did not hold it. */
  async revoke(userId: number, role: Exclude<Role, 'admin'>, orgId: number | null): Promise<boolean> {
    const result = await this.roles.delete({ userId, role, orgId: orgId ?? IsNull() });
    return !!result.affected;
  }

  /**
   * Removes an admin grant unless it is the last one. The admin rows are locked first, so two admins
   * revoking each other at once cannot both pass the count and leave the district without an admin.
   */
  revokeAdmin(userId: number): Promise<'revoked' | 'not_held' | 'last_admin'> {
    return this.roles.manager.transaction(async (manager) => {
      const query = manager
        .getRepository(UserRole)
        .createQueryBuilder('r')
        .select(['r.id', 'r.userId'])
        .where('r.role = :role', { role: 'admin' });
      // sql.js (the demo) runs one statement at a time and knows no row locks.
      if (manager.connection.options.type !== 'sqljs') query.setLock('pessimistic_write');
      const admins = await query.getMany();
      const held = admins.filter((a) => a.userId === userId);
      if (held.length === 0) return 'not_held';
      if (new Set(admins.map((a) => a.userId)).size <= 1) return 'last_admin';
      await manager.delete(UserRole, held.map((a) => a.id));
      return 'revoked';
    });
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
