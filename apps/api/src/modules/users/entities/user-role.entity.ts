import type { Role } from '@jingcai/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn } from '../../../common/database/columns';
import { Org } from '../../orgs/entities/org.entity';
import { User } from './user.entity';

/**
 * A role beyond `worker` (which everyone has). Staff grants carry the org whose subtree they manage;
 * a person may hold several grants, e.g. staff of two streets.
 */
@Entity('user_roles')
@Index('uq_user_roles_grant', ['userId', 'role', 'orgId'], { unique: true })
export class UserRole {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  @Column({ name: 'org_id', type: 'int', nullable: true })
  orgId!: number | null;

  @ManyToOne(() => Org, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_id' })
  org?: Relation<Org> | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
