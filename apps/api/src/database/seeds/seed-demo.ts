import { MINIAPP_PAGES, PRIVACY_POLICY_VERSION, wechatPage } from '@jingcai/shared';
import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../../common/crypto/pii-cipher';
import { Notification } from '../../modules/notifications/entities/notification.entity';
import { Org } from '../../modules/orgs/entities/org.entity';
import { UserRole } from '../../modules/users/entities/user-role.entity';
import { User } from '../../modules/users/entities/user.entity';
import { seedAssistance } from './assistance';
import { seedCare } from './care';
import { DEMO_ORGS, DEMO_USERS } from './demo-data';
import { seedLegal } from './legal';
import { seedMembership } from './membership';
import { demoOrgTree } from './orgs';
import { seedPeople, type Person } from './people';
import { seedQuiz } from './quiz';
import { seedReading } from './reading';
import { Dice, DemoTime } from './random';
import { SeedWriter } from './seed-writer';
import { DEMO_MEMBERS, demoStories } from './stories';

/** The same district, people and stories every time; only the dates follow the clock. */
const SEED = 20_260_521;

/**
 * Seeds the demo district (docs/demo.md): about 5,000 workers, a quiz campaign under way, a reading season,
 * care releases, legal questions and the demo users' stories, dated relative to `now`. Does nothing when the
 * district already exists, so it is safe at every boot. One transaction of multi-row INSERTs: a few seconds
 * on sql.js too.
 */
export async function seedDemoData(dataSource: DataSource, cipher: PiiCipher, now: Date): Promise<boolean> {
  if (await dataSource.getRepository(Org).existsBy({ name: DEMO_ORGS[0].name })) return false;
  const time = new DemoTime(now);
  const dice = new Dice(SEED);
  await dataSource.transaction(async (manager) => {
    const writer = await SeedWriter.open(manager);
    const orgs = new Map<string, Org>();
    for (const demo of demoOrgTree(DEMO_ORGS)) {
      const parent = demo.parent ? orgs.get(demo.parent)! : null;
      const id = writer.id('orgs');
      orgs.set(demo.key, {
        id,
        name: demo.name,
        kind: demo.kind,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        memberCount: demo.memberCount,
        createdAt: time.shift(-400),
        updatedAt: time.shift(-400),
      });
    }
    await writer.insert(Org, [...orgs.values()]);

    const demoPeople = new Map<string, Person>();
    const users: Partial<User>[] = [];
    const roles: Partial<UserRole>[] = [];
    for (const demo of DEMO_USERS) {
      const id = writer.id('users');
      const org = demo.org ? orgs.get(demo.org)! : null;
      const memberNo = DEMO_MEMBERS[demo.openid] ?? null;
      const since = time.shift(-300);
      users.push({
        id,
        openid: demo.openid,
        nickname: demo.realName ?? null,
        realName: demo.realName ?? null,
        phoneCipher: demo.phone ? cipher.encrypt(demo.phone) : null,
        phoneHash: demo.phone ? cipher.lookupHash(demo.phone) : null,
        orgId: org?.id ?? null,
        category: demo.category ?? null,
        // The demo district's people were reviewed when the union registered them.
        categoryVerified: Boolean(demo.category),
        gigVerified: demo.gigVerified ?? false,
        tags: demo.tags ?? [],
        membership: memberNo ? 'member' : 'none',
        memberNo,
        memberSince: memberNo ? since : null,
        consentVersion: demo.consented ? PRIVACY_POLICY_VERSION : null,
        consentAt: demo.consented ? since : null,
        createdAt: since,
        updatedAt: since,
      });
      for (const grant of demo.roles ?? []) {
        roles.push({ userId: id, role: grant.role, orgId: grant.org ? orgs.get(grant.org)!.id : null });
      }
      if (demo.realName) {
        demoPeople.set(demo.openid, {
          id,
          name: demo.realName,
          org,
          category: demo.category ?? 'regular',
          member: Boolean(memberNo),
          gigVerified: demo.gigVerified ?? false,
          tags: demo.tags ?? [],
          phone: demo.phone ?? null,
          joinedAt: since,
        });
      }
    }
    await writer.insert(User, users);
    await writer.insert(UserRole, roles);
    const who = (openid: string) => demoPeople.get(openid)!;
    const adminId = who('demo-admin').id;
    const streetStaff = who('demo-staff').id;
    const district = orgs.get('district')!;
    const street = orgs.get('dashikou')!;
    const devzone = orgs.get('devzone')!;

    const people = await seedPeople(writer, dice, time, cipher, orgs, {
      names: new Set(DEMO_USERS.flatMap((u) => (u.realName ? [u.realName] : []))),
      phones: new Set(DEMO_USERS.flatMap((u) => (u.phone ? [u.phone] : []))),
    });
    const ofStreet = people.filter((p) => p.org?.path.startsWith(street.path));
    const stories = demoStories(who, { lawyer: who('demo-lawyer').id, streetStaff }, {
      waiting: ofStreet[0],
      overdue: ofStreet[1],
    });

    const streetQuiz = { orgId: street.id, path: street.path, staffId: streetStaff };
    await seedQuiz(writer, dice, time, { orgId: district.id, adminId, street: streetQuiz }, people, stories.attempts);
    await seedReading(writer, dice, time, district.id, people, stories.reading);
    const redeemer: Record<string, number> = { dashikou: streetStaff, devzone: who('demo-staff-devzone').id };
    await seedCare(writer, dice, time, orgs, adminId, people, stories.claims, (orgKey) => redeemer[orgKey] ?? adminId);
    await seedLegal(writer, dice, time, district.id, {
      lawyerId: who('demo-lawyer').id,
      adminId,
      staff: [
        { path: street.path, id: streetStaff },
        { path: devzone.path, id: who('demo-staff-devzone').id },
      ],
    }, people, stories.questions);
    await seedMembership(writer, dice, time, cipher, adminId, people, { people: ofStreet, pending: 8 }, [
      { person: ofStreet[2], nickname: `${ofStreet[2].name}（大市口老街坊）` },
      { person: people.find((p) => p.org?.path.startsWith(devzone.path))!, nickname: '开发区技术能手' },
    ]);
    await seedAssistance(writer, dice, time, cipher, { streetStaffId: streetStaff, adminId, handOverPlace: '大市口街道工会办公室（解放路 1 号，工作日 9:00–17:00）' }, ofStreet);
    await writer.insert(Notification, [
      {
        id: writer.id('notifications'),
        userId: who('demo-worker').id,
        kind: 'application_approved',
        title: '入会申请已通过',
        body: `欢迎加入工会！你的会员编号是 ${DEMO_MEMBERS['demo-worker']}，可在“我的 → 会员证”查看电子会员证。`,
        page: wechatPage(MINIAPP_PAGES.memberCard),
        readAt: time.shift(-299),
        subscribeDelivery: 'sent',
        createdAt: time.shift(-300),
      },
    ]);
  });
  return true;
}
