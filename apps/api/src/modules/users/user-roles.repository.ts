import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@jingcai/shared';
import { IsNull, Repository } from 'typeorm';
import { UserRole } from './entities/user-role.entity';

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
}
