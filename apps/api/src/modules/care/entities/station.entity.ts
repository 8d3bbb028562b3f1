import type { Amenity } from '@jingcai/shared';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CodeListColumn, CreatedAtColumn, UpdatedAtColumn } from '../../../common/database/columns';
import { Org } from '../../orgs/entities/org.entity';

/** mysql2 returns DECIMAL as a string to keep precision; coordinates are fine as numbers. */
const decimalToNumber = { to: (value: number) => value, from: (value: string | number) => Number(value) };

/** A roadside service station (户外劳动者服务站 / 职工驿站) where packs are picked up. */
@Entity('care_stations')
export class Station {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 60 })
  name!: string;

  @Column({ type: 'varchar', length: 120 })
  address!: string;

  @Column({ type: 'decimal', precision: 9, scale: 6, transformer: decimalToNumber })
  latitude!: number;

  @Column({ type: 'decimal', precision: 9, scale: 6, transformer: decimalToNumber })
  longitude!: number;

  @Column({ type: 'varchar', length: 64 })
  hours!: string;

  @CodeListColumn({ length: 100 })
  amenities!: Amenity[];

  /** The org that runs it: its staff (and staff above it) redeem here. */
  @Column({ name: 'org_id', type: 'int' })
  orgId!: number;

  @ManyToOne(() => Org, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_id' })
  org?: Relation<Org>;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
