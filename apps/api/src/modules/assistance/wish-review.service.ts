import { Injectable } from '@nestjs/common';
import { staffName, type Page, type StaffWishView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { NotificationsService } from '../notifications/notifications.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository } from '../users/users.repository';
import { ApplicationViews } from './application-views';
import { AssistanceAccess } from './assistance-access';
import type { ConfirmWishDto } from './dto/confirm-wish.dto';
import type { PublishWishDto } from './dto/publish-wish.dto';
import type { StaffWishQueryDto } from './dto/staff-wish-query.dto';
import type { Wish } from './entities/wish.entity';
import { wishNotice } from './wish-notices';
import { confirmBarredIds, STEP_FROM, toStaffWishView, vetBarredIds } from './wish.mapper';
import { WishesRepository } from './wishes.repository';

/**
 * Staff of the family's subtree vet wishes (publish in safe words with a hand-over place, or reject with a
 * reason) and confirm the hand-over. Outside the subtree a wish answers 404; nobody vets or confirms a wish
 * they wrote, benefit from or donated (403).
 */
@Injectable()
export class WishReviewService {
  constructor(
    private readonly wishes: WishesRepository,
    private readonly access: AssistanceAccess,
    private readonly views: ApplicationViews,
    private readonly users: UsersRepository,
    private readonly orgs: OrgsRepository,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: StaffWishQueryDto): Promise<Page<StaffWishView>> {
    const [rows, total] = await this.wishes.staffQueue({
      scope: await this.access.staffScope(user),
      status: query.status ?? 'pending_review',
      skip: query.skip,
      take: query.pageSize,
    });
    return { items: await this.toViews(user, rows), total, page: query.page, pageSize: query.pageSize };
  }

  async publish(user: AuthUser, id: number, dto: PublishWishDto): Promise<StaffWishView> {
    const wish = await this.load(user, id, 'vet');
    const moved = await this.wishes.move(id, STEP_FROM.vet, {
      status: 'open',
      publicTitle: dto.title ?? wish.title,
      publicStory: dto.story ?? wish.story,
      handOverKind: dto.handOverKind,
      handOverPlace: dto.handOverPlace,
      reviewedBy: user.id,
      publishedAt: this.clock.now(),
    });
    if (!moved) throw new AppException('ALREADY_DECIDED', '该心愿已审核');
    await this.notifications.notify(wish.beneficiaryId, wishNotice(id, 'published'));
    return this.view(user, id);
  }

  async reject(user: AuthUser, id: number, reason: string): Promise<StaffWishView> {
    const wish = await this.load(user, id, 'vet');
    const moved = await this.wishes.move(id, STEP_FROM.vet, {
      status: 'rejected',
      rejectReason: reason,
      reviewedBy: user.id,
      activeKey: null,
    });
    if (!moved) throw new AppException('ALREADY_DECIDED', '该心愿已审核');
    await this.notifications.notify(wish.beneficiaryId, wishNotice(id, 'rejected'));
    return this.view(user, id);
  }

  /** 已圆梦: staff confirm the family received it, with a photo for the record (never public). */
  async confirm(user: AuthUser, id: number, dto: ConfirmWishDto): Promise<StaffWishView> {
    const wish = await this.load(user, id, 'confirm');
    if (dto.photoUploadId) {
      await this.uploads.requireOwned(user.id, dto.photoUploadId, 'assistance_photo', 'photoUploadId');
    }
    const moved = await this.wishes.move(id, STEP_FROM.confirm, {
      status: 'fulfilled',
      confirmedBy: user.id,
      fulfilledAt: this.clock.now(),
      confirmPhotoId: dto.photoUploadId ?? null,
      activeKey: null,
    });
    if (!moved) throw new AppException('STATUS_LOCKED', '该心愿尚未被认领或已圆梦');
    await this.notifications.notify(wish.beneficiaryId, wishNotice(id, 'fulfilled'));
    if (wish.donorUserId !== null)
      await this.notifications.notify(wish.donorUserId, wishNotice(id, 'thanks'));
    return this.view(user, id);
  }

  /**
   * In scope (404 otherwise); not the family's own, nor the author's when vetting (`vetBarredIds`) or the
   * donor's when confirming (`confirmBarredIds`): 403. The view's `mayVet` and `mayConfirm` read the same.
   */
  private async load(user: AuthUser, id: number, action: 'vet' | 'confirm'): Promise<Wish> {
    const wish = await this.wishes.byId(id);
    if (!wish) throw AppException.notFound('心愿不存在');
    const barred = action === 'vet' ? vetBarredIds(wish) : confirmBarredIds(wish);
    await this.access.assertStaffRead(user, wish.orgPath, barred, '心愿');
    return wish;
  }

  private async view(user: AuthUser, id: number): Promise<StaffWishView> {
    return (await this.toViews(user, [(await this.wishes.byId(id))!]))[0];
  }

  private async toViews(user: AuthUser, rows: Wish[]): Promise<StaffWishView[]> {
    const people = await this.users.namesOf([
      ...new Set(
        rows.flatMap((w) => [w.beneficiaryId, w.authorId, ...(w.donorUserId ? [w.donorUserId] : [])]),
      ),
    ]);
    const name = (id: number | null) => (id === null ? null : staffName(people.get(id)));
    const streets = await this.orgs.namesOf([...new Set(rows.map((w) => w.streetOrgId))]);
    const orgs = await this.views.orgSummaries(rows.map((w) => w.orgId));
    return rows.map((w) =>
      toStaffWishView(
        w,
        user.id,
        streets.get(w.streetOrgId) ?? '',
        { beneficiary: name(w.beneficiaryId)!, author: name(w.authorId)!, donor: name(w.donorUserId) },
        orgs.get(w.orgId)!,
        w.confirmPhotoId ? { id: w.confirmPhotoId, url: this.uploads.signedUrl(w.confirmPhotoId) } : null,
      ),
    );
  }
}
