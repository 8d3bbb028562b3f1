import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { UploadPurpose, UploadView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { Upload } from './entities/upload.entity';
import { normaliseImage } from './image-intake';
import { FileStorage } from './storage/file-storage';
import { toUploadView } from './upload.mapper';
import { UploadUrlSigner } from './upload-url-signer';
import { UploadsRepository } from './uploads.repository';

/** Decides whether `viewer` (not the owner) may see an upload of a given purpose. */
export type UploadAccessPolicy = (viewer: AuthUser, upload: Upload) => Promise<boolean>;

export interface UploadContent {
  data: Buffer;
  contentType: string;
  /** Seconds until the signed URL expires: how long a client may cache the bytes. */
  maxAgeSeconds: number;
}

const DEFAULT_URL_TTL_SECONDS = 600;

/**
 * Images workers attach to records (a membership proof, an avatar). Every upload is private: its owner
 * may always see it; anyone else only if the access policy its purpose registered says so. Feature
 * modules register those policies in `onModuleInit`, so the rules live next to the records that use them.
 */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);
  private readonly policies = new Map<UploadPurpose, UploadAccessPolicy>();
  private readonly signer: UploadUrlSigner;
  private readonly publicBaseUrl: string;

  constructor(
    private readonly uploads: UploadsRepository,
    private readonly storage: FileStorage,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.signer = new UploadUrlSigner(config.auth.jwtSecret);
    this.publicBaseUrl = config.publicBaseUrl;
  }

  /** One policy per purpose; registering a second is a wiring mistake, so it throws at boot. */
  registerAccessPolicy(purpose: UploadPurpose, policy: UploadAccessPolicy): void {
    if (this.policies.has(purpose))
      throw new Error(`an access policy for ${purpose} uploads is already registered`);
    this.policies.set(purpose, policy);
  }

  /** Re-encodes the image (see normaliseImage), stores it, and records it for `ownerId`. */
  async create(ownerId: number, purpose: UploadPurpose, input: Buffer): Promise<UploadView> {
    const image = await normaliseImage(input);
    const id = randomBytes(16).toString('base64url');
    const now = this.clock.now();
    const month = String(now.getUTCMonth() + 1).padStart(2, '0');
    const storageKey = `${now.getUTCFullYear()}/${month}/${id}.jpg`;
    await this.storage.put(storageKey, image.data, image.contentType);
    try {
      const upload = await this.uploads.insert({
        id,
        ownerId,
        purpose,
        storageKey,
        contentType: image.contentType,
        size: image.data.length,
        width: image.width,
        height: image.height,
      });
      return this.toView(upload);
    } catch (error) {
      // No row, no file: an orphan could never be served or cleaned up by id.
      await this.storage.delete(storageKey);
      throw error;
    }
  }

  /** The upload with a fresh URL, or 404 alike for "no such upload" and "not yours to see". */
  async view(viewer: AuthUser, id: string): Promise<UploadView> {
    const upload = await this.uploads.byId(id);
    if (!upload || !(await this.canView(viewer, upload))) throw AppException.notFound();
    return this.toView(upload);
  }

  /**
   * The bytes behind a signed URL. The signature is the whole authorisation: checked before any lookup.
   * A link's lifetime runs on the wall clock (Date.now), not the domain Clock: it is about HTTP caching,
   * and a link must work whatever day a test or a demo pretends it is.
   */
  async content(id: string, exp: number | undefined, sig: string | undefined): Promise<UploadContent> {
    const now = Math.floor(Date.now() / 1000);
    if (exp === undefined || !this.signer.verify(id, exp, sig, now)) throw AppException.notFound();
    const upload = await this.uploads.byId(id);
    if (!upload) throw AppException.notFound();
    const data = await this.storage.get(upload.storageKey);
    if (!data) {
      this.logger.warn(`upload ${id} has a row but no stored file (${upload.storageKey})`);
      throw AppException.notFound();
    }
    return { data, contentType: upload.contentType, maxAgeSeconds: exp - now };
  }

  /** The upload if it exists, belongs to `ownerId` and has `purpose`; otherwise a 400 envelope naming `field`. */
  async requireOwned(ownerId: number, id: string, purpose: UploadPurpose, field: string): Promise<Upload> {
    const upload = await this.uploads.owned(id, ownerId, purpose);
    if (!upload) {
      throw new AppException('VALIDATION_FAILED', `提交的信息有误：${field}`, [
        { field, message: '图片不存在或不属于你' },
      ]);
    }
    return upload;
  }

  /** A signed, expiring absolute URL of the image bytes (`ttlSeconds` default 600). */
  signedUrl(id: string, ttlSeconds = DEFAULT_URL_TTL_SECONDS): string {
    const exp = Math.floor(Date.now() / 1000) + ttlSeconds;
    const query = new URLSearchParams({ exp: String(exp), sig: this.signer.sign(id, exp) });
    return `${this.publicBaseUrl}/api/uploads/${encodeURIComponent(id)}/content?${query.toString()}`;
  }

  toView(upload: Upload): UploadView {
    return toUploadView(upload, this.signedUrl(upload.id));
  }

  /** Owners always; others (admins included) only by the purpose's policy. */
  private async canView(viewer: AuthUser, upload: Upload): Promise<boolean> {
    if (upload.ownerId === viewer.id) return true;
    const policy = this.policies.get(upload.purpose);
    return policy ? policy(viewer, upload) : false;
  }
}
