import { MINIAPP_PAGES, wechatPage } from '@jingcai/shared';
import type { PiiCipher } from '../../common/crypto/pii-cipher';
import { ModerationItem } from '../../modules/content-safety/entities/moderation-item.entity';
import { MembershipApplication } from '../../modules/membership/entities/membership-application.entity';
import { Notification } from '../../modules/notifications/entities/notification.entity';
import { NICKNAME_SUBJECT } from '../../modules/users/users.service';
import type { Person } from './people';
import { Dice, DemoTime } from './random';
import type { SeedWriter } from './seed-writer';

const PENDING = 36;
const REJECTED = 12;
const PLATFORMS: Record<string, string> = {
  courier: '顺丰速运',
  delivery_rider: '美团',
  ride_hailing_driver: '滴滴出行',
  truck_driver: '货拉拉',
  domestic_worker: '天鹅到家',
  other_gig: '其他平台',
};
const REJECT_REASONS = ['所填单位与证明材料不一致，请核实后重新申请', '证明材料不清晰，请重新上传', '手机号无法联系，请核实'];

/** A nickname waiting for a moderator, as WeChat's text check would have left it. */
export interface ScriptedNickname {
  person: Person;
  nickname: string;
}

/**
 * Joining applications waiting for staff (the applicant's verified org decides whose queue, the street's
 * among them), some rejected earlier with their notices, and nicknames waiting in the moderation queue.
 */
export async function seedMembership(
  writer: SeedWriter,
  dice: Dice,
  time: DemoTime,
  cipher: PiiCipher,
  reviewerId: number,
  people: Person[],
  focus: { people: Person[]; pending: number },
  nicknames: ScriptedNickname[],
): Promise<void> {
  const outsiders = people.filter((p) => !p.member && p.phone);
  const focused = dice.sample(focus.people.filter((p) => !p.member && p.phone), focus.pending);
  const chosen = new Set(focused.map((p) => p.id));
  const pending = [...focused, ...dice.sample(outsiders.filter((p) => !chosen.has(p.id)), PENDING - focused.length)];
  const pendingIds = new Set(pending.map((p) => p.id));
  const rejected = dice.sample(outsiders.filter((p) => !pendingIds.has(p.id)), REJECTED);
  const applications: Partial<MembershipApplication>[] = [];
  const notices: Partial<Notification>[] = [];
  const apply = (person: Person, status: 'pending' | 'rejected', at: Date) => {
    const decidedAt = status === 'rejected' ? new Date(Math.min(time.now.getTime(), at.getTime() + 26 * 3_600_000)) : null;
    const reason = status === 'rejected' ? dice.pick(REJECT_REASONS) : null;
    applications.push({
      id: writer.id('membership_applications'),
      userId: person.id,
      pendingUserId: status === 'pending' ? person.id : null,
      realName: person.name,
      phoneCipher: cipher.encrypt(person.phone!),
      phoneHash: cipher.lookupHash(person.phone!),
      orgId: person.org?.id ?? null,
      orgNotListed: person.org ? null : '个人（暂无单位）',
      category: person.category,
      platform: person.category === 'regular' ? null : PLATFORMS[person.category],
      proofUploadId: null,
      status,
      rejectReason: reason,
      memberNo: null,
      decidedBy: decidedAt ? reviewerId : null,
      decidedAt,
      createdAt: at,
    });
    if (decidedAt) {
      notices.push({
        id: writer.id('notifications'),
        userId: person.id,
        kind: 'application_rejected',
        title: '入会申请未通过',
        body: `原因：${reason}。你可以修改后重新申请。`,
        page: wechatPage(MINIAPP_PAGES.membershipApply),
        readAt: dice.chance(0.5) ? decidedAt : null,
        subscribeDelivery: 'sent',
        createdAt: decidedAt,
      });
    }
  };
  for (const person of rejected) apply(person, 'rejected', time.at(-(8 + dice.int(40)), DemoTime.hour(dice)));
  for (const person of pending) apply(person, 'pending', time.at(-dice.int(6), DemoTime.hour(dice)));
  await writer.insert(MembershipApplication, applications);
  await writer.insert(Notification, notices);
  await writer.insert(
    ModerationItem,
    nicknames.map(({ person, nickname }) => ({
      id: writer.id('moderation_items'),
      subjectType: NICKNAME_SUBJECT,
      subjectId: String(person.id),
      authorId: person.id,
      orgId: person.org?.id ?? null,
      kind: 'text' as const,
      content: nickname,
      reason: 'review' as const,
      traceId: null,
      status: 'pending' as const,
      createdAt: time.at(0, 8.5),
    })),
  );
}
