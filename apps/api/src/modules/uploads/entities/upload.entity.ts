import type { UploadPurpose } from '@jingcai/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn } from '../../../common/database/columns';

/** An uploaded image, re-encoded and stripped of metadata. Never public: see UploadsService access rules. */
@Entity('uploads')
export class Upload {
  /** Random, unguessable (22 base64url chars). */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Index('idx_uploads_owner')
  @Column({ name: 'owner_id', type: 'int' })
  ownerId!: number;

  @Column({ type: 'varchar', length: 32 })
  purpose!: UploadPurpose;

  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey!: string;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType!: string;

  @Column({ type: 'int' })
  size!: number;

  @Column({ type: 'int' })
  width!: number;

  @Column({ type: 'int' })
  height!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}
