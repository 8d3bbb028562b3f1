import type { BenefitKind, UserTag, WorkerCategory } from '@jingcai/shared';
import {
  Column,
  Entity,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CodeListColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../../common/database/columns';
import { Org } from '../../orgs/entities/org.entity';
import { Station } from './station.entity';

@Entity('care_benefits')
export class Benefit {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 60 })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: BenefitKind;

  @Column({ name: 'total_stock', type: 'int' })
  totalStock!: number;

  /**
   * Packs not yet claimed. Only ever changed by conditional UPDATEs (`remaining_stock > 0` to claim,
   * `+ 1` when a claim is cancelled or expires), which is what keeps it from going negative.
   */
  @Column({ name: 'remaining_stock', type: 'int' })
  remainingStock!: number;

  @Column({ name: 'per_person_limit', type: 'int', default: 1 })
  perPersonLimit!: number;

  @DateTimeColumn({ name: 'claim_starts_at' })
  claimStartsAt!: Date;

  @DateTimeColumn({ name: 'claim_ends_at' })
  claimEndsAt!: Date;

  /** Unredeemed claims expire at this instant and their stock returns. */
  @DateTimeColumn({ name: 'pickup_deadline' })
  pickupDeadline!: Date;

  @CodeListColumn({ name: 'eligible_categories' })
  eligibleCategories!: WorkerCategory[];

  @Column({ name: 'gig_verified_required', type: 'boolean', default: false })
  gigVerifiedRequired!: boolean;

  @CodeListColumn({ name: 'eligible_tags' })
  eligibleTags!: UserTag[];

  @Column({ name: 'members_only', type: 'boolean', default: false })
  membersOnly!: boolean;

  /** Workers of this org's subtree only; null for everyone. */
  @Column({ name: 'audience_org_id', type: 'int', nullable: true })
  audienceOrgId!: number | null;

  @ManyToOne(() => Org, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'audience_org_id' })
  audienceOrg?: Relation<Org> | null;

  /** Whose staff manage it. */
  @Column({ name: 'owner_org_id', type: 'int' })
  ownerOrgId!: number;

  @ManyToOne(() => Org, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_org_id' })
  ownerOrg?: Relation<Org>;

  @ManyToMany(() => Station)
  @JoinTable({
    name: 'care_benefit_stations',
    joinColumn: { name: 'benefit_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'station_id', referencedColumnName: 'id' },
  })
  stations?: Relation<Station>[];

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
