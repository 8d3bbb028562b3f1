import { Injectable } from '@nestjs/common';
import { type Page, type WishView, type WishWallItem } from '@jingcai/shared';
import { hasRole, isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import type { PageQuery } from '../../common/http/pagination';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import { UsersRepository } from '../users/users.repository';
import { AssistanceAccess } from './assistance-access';
import type { CreateWishDto } from './dto/create-wish.dto';
import type { WishWallQueryDto } from './dto/wish-wall-query.dto';
import type { Wish } from './entities/wish.entity';
import { RegisterService } from './register.service';
import { wishNotice } from './wish-notices';
import { handOverMarkerId, STEP_FROM, toWallItem, toWishView } from './wish.mapper';
import { WishesRepository } from './wishes.repository';

/**
 * 微心愿 for families and donors: a family on the register (or staff for one) writes a wish of at most
 * 500 元; once staff publish it, any signed-in worker sees it on the wall and exactly one donor claims it,
 * hands it over where staff said (the union office or a station), and staff confirm.
 */
@Injectable()
export class WishesService {
  constructor(
    private readonly wishes: WishesRepository,
    private readonly register: RegisterService,
    private readonly access: AssistanceAccess,
    private readonly users: UsersRepository,
    private readonly orgs: OrgsRepository,
    private readonly contentSafety: ContentSafetyService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, dto: CreateWishDto): Promise<WishView> {
    const forOther = dto.forUserId !== undefined && dto.forUserId !== user.id;
    if (forOther && !isAdmin(user) && !hasRole(user, 'staff')) {
      throw AppException.forbidden('只有工会工作人员可以代为填写心愿');
    }
    const beneficiaryId = forOther ? dto.forUserId! : user.id;
    const entry = await this.register.activeEntryOf(beneficiaryId);
    // Staff outside the family's subtree are answered as if there were no such family.
    if (forOther && !(entry && (await this.access.canStaffRead(user, entry.orgPath)))) {
      throw AppException.notFound('职工不存在或不在你的管辖范围');
    }
    if (!entry) throw new AppException('NOT_ON_REGISTER');
    const author = await this.users.author(user.id);
    if (!author) throw AppException.notFound();
    await this.contentSafety.checkText(
      { id: author.id, openid: author.openid, orgId: author.orgId },
      { title: dto.title, story: dto.story },
      'forum',
    );
    const id = await this.wishes.insert({
      beneficiaryId,
      authorId: user.id,
      orgId: entry.orgId,
      orgPath: entry.orgPath,
      streetOrgId: entry.streetOrgId,
      title: dto.title,
      story: dto.story,
      amountYuan: dto.amountYuan,
    });
    if (id === null) throw new AppException('WISH_IN_PROGRESS');
    return this.viewFor(user, (await this.wishes.byId(id))!);
  }

  async wall(query: WishWallQueryDto): Promise<Page<WishWallItem>> {
    const [rows, total] = await this.wishes.wall({
      status: query.status,
      streetId: query.streetId,
      skip: query.skip,
      take: query.pageSize,
    });
    return { items: await this.wallItems(rows), total, page: query.page, pageSize: query.pageSize };
  }

  /** One wish as the wall shows it (its page on the wall); a wish not on the wall is a 404. */
  async wallItem(id: number): Promise<WishWallItem> {
    const [item] = await this.wallItems([await this.onWall(id)]);
    return item;
  }

  async mine(user: AuthUser, query: PageQuery): Promise<Page<WishView>> {
    const [rows, total] = await this.wishes.pageOfUser(user.id, query.skip, query.pageSize);
    const streets = await this.orgs.namesOf([...new Set(rows.map((w) => w.streetOrgId))]);
    return {
      items: rows.map((w) =>
        toWishView(w, w.beneficiaryId === user.id ? 'owner' : 'donor', streets.get(w.streetOrgId) ?? ''),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async mineOne(user: AuthUser, id: number): Promise<WishView> {
    const wish = await this.wishes.byId(id);
    if (!wish || (wish.beneficiaryId !== user.id && wish.donorUserId !== user.id)) {
      throw AppException.notFound('心愿不存在');
    }
    return this.viewFor(user, wish);
  }

  /**
   * Any signed-in worker claims a wish on the wall for themselves; staff of the family's subtree may record
   * an enterprise donor instead (they are then its contact for the hand-over). Never the family itself.
   */
  async claim(user: AuthUser, id: number, enterpriseName?: string): Promise<WishView> {
    const wish = await this.onWall(id);
    if (enterpriseName !== undefined && !(await this.access.canStaffRead(user, wish.orgPath))) {
      throw AppException.notFound('心愿不存在');
    }
    if (wish.beneficiaryId === user.id) throw new AppException('OWN_RECORD', '不能认领自己的心愿');
    if (!(await this.wishes.claim(id, user.id, enterpriseName ?? null, this.clock.now()))) {
      throw new AppException('WISH_TAKEN');
    }
    await this.notifications.notify(wish.beneficiaryId, wishNotice(id, 'claimed'));
    return this.viewFor(user, (await this.wishes.byId(id))!);
  }

  /**
   * The donor says the gift is at the hand-over place (`handOverMarkerId`: for an enterprise, the staff
   * member who recorded it; the staff view's `mayMarkHandedOver` reads the same).
   */
  async handedOver(user: AuthUser, id: number): Promise<WishView> {
    const wish = await this.onWall(id);
    if (handOverMarkerId(wish) !== user.id) throw AppException.forbidden('只有认领人可以确认已送达');
    if (
      !(await this.wishes.move(
        id,
        STEP_FROM.handOver,
        { status: 'handed_over', handedOverAt: this.clock.now() },
        user.id,
      ))
    ) {
      throw new AppException('STATUS_LOCKED', '该心愿已确认送达');
    }
    await this.notifications.notify(wish.beneficiaryId, wishNotice(id, 'handed_over'));
    return this.viewFor(user, (await this.wishes.byId(id))!);
  }

  /** A published wish (pending and rejected ones exist only for the family and staff: 404). */
  private async onWall(id: number): Promise<Wish> {
    const wish = await this.wishes.byId(id);
    if (!wish || wish.publishedAt === null || wish.status === 'rejected')
      throw AppException.notFound('心愿不存在');
    return wish;
  }

  /** Wall items identify nobody: a masked name, the street, the wish. */
  private async wallItems(rows: Wish[]): Promise<WishWallItem[]> {
    const names = await this.users.namesOf([...new Set(rows.map((w) => w.beneficiaryId))]);
    const streets = await this.orgs.namesOf([...new Set(rows.map((w) => w.streetOrgId))]);
    return rows.map((w) =>
      toWallItem(w, names.get(w.beneficiaryId)?.realName ?? null, streets.get(w.streetOrgId) ?? ''),
    );
  }

  private async viewFor(user: AuthUser, wish: Wish): Promise<WishView> {
    const streets = await this.orgs.namesOf([wish.streetOrgId]);
    const role = wish.donorUserId === user.id && wish.beneficiaryId !== user.id ? 'donor' : 'owner';
    return toWishView(wish, role, streets.get(wish.streetOrgId) ?? '');
  }
}
