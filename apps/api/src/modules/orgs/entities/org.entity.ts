import type { OrgKind } from '@jingcai/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CreatedAtColumn, UpdatedAtColumn } from '../../../common/database/columns';

/**
 * A union organisation in the tree. `path` is the materialised path of ids (`/1/4/9/`) so that a whole
 * subtree is one indexed prefix scan (`path LIKE '/1/4/%'`), which every staff-scoped query relies on.
 */
@Entity('orgs')
export class Org {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: OrgKind;

  @Column({ name: 'parent_id', type: 'int', nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Org, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Org> | null;

  @Index('idx_orgs_path')
  @Column({ type: 'varchar', length: 255, default: '' })
  path!: string;

  @Column({ type: 'int', default: 0 })
  depth!: number;

  /** Members on record, the denominator of participation rates. */
  @Column({ name: 'member_count', type: 'int', default: 0 })
  memberCount!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
