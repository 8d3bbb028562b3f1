import { DEFAULT_BADGE_THRESHOLDS, PRIVACY_POLICY_VERSION, shanghaiDay } from '@jingcai/shared';
import type { DataSource } from 'typeorm';
import type { PiiCipher } from '../../common/crypto/pii-cipher';
import { Org } from '../../modules/orgs/entities/org.entity';
import { UserRole } from '../../modules/users/entities/user-role.entity';
import { User } from '../../modules/users/entities/user.entity';
import { Benefit } from '../../modules/care/entities/benefit.entity';
import { Station } from '../../modules/care/entities/station.entity';
import { ReadingBook, ReadingSeason } from '../../modules/reading/entities/reading.entities';
import { LegalCase } from '../../modules/legal/entities/legal.entities';
import {
  DEMO_BENEFITS,
  DEMO_LEGAL_CASES,
  DEMO_ORGS,
  DEMO_READING_SEASON,
  DEMO_STATIONS,
  DEMO_USERS,
} from './demo-data';

/** Seeds the demo district. Does nothing when the district already exists, so it is safe at every boot. */
export async function seedDemoData(dataSource: DataSource, cipher: PiiCipher): Promise<boolean> {
  const district = DEMO_ORGS[0];
  if (await dataSource.getRepository(Org).existsBy({ name: district.name })) return false;

  await dataSource.transaction(async (manager) => {
    const orgs = new Map<string, Org>();
    for (const demo of DEMO_ORGS) {
      const parent = demo.parent ? orgs.get(demo.parent)! : null;
      const org = await manager.save(
        manager.create(Org, {
          name: demo.name,
          kind: demo.kind,
          parentId: parent?.id ?? null,
          depth: parent ? parent.depth + 1 : 0,
          memberCount: demo.memberCount,
        }),
      );
      org.path = `${parent?.path ?? '/'}${org.id}/`;
      await manager.update(Org, org.id, { path: org.path });
      orgs.set(demo.key, org);
    }

    let adminId = 0;
    for (const demo of DEMO_USERS) {
      const user = await manager.save(
        manager.create(User, {
          openid: demo.openid,
          nickname: demo.realName ?? null,
          realName: demo.realName ?? null,
          phoneCipher: demo.phone ? cipher.encrypt(demo.phone) : null,
          phoneHash: demo.phone ? cipher.lookupHash(demo.phone) : null,
          orgId: demo.org ? orgs.get(demo.org)!.id : null,
          category: demo.category ?? null,
          // The demo district's people were reviewed when the union registered them.
          categoryVerified: Boolean(demo.category),
          gigVerified: demo.gigVerified ?? false,
          tags: demo.tags ?? [],
          consentVersion: demo.consented ? PRIVACY_POLICY_VERSION : null,
          consentAt: demo.consented ? new Date() : null,
        }),
      );
      if (demo.roles?.some((r) => r.role === 'admin')) adminId = user.id;
      for (const grant of demo.roles ?? []) {
        await manager.insert(UserRole, {
          userId: user.id,
          role: grant.role,
          orgId: grant.org ? orgs.get(grant.org)!.id : null,
        });
      }
    }

    const stations = new Map<string, Station>();
    for (const demo of DEMO_STATIONS) {
      const { key, org, ...fields } = demo;
      stations.set(key, await manager.save(manager.create(Station, { ...fields, orgId: orgs.get(org)!.id })));
    }
    const day = 86400_000;
    const now = Date.now();
    for (const demo of DEMO_BENEFITS) {
      await manager.save(
        manager.create(Benefit, {
          title: demo.title,
          description: demo.description,
          kind: demo.kind,
          totalStock: demo.stock,
          remainingStock: demo.stock,
          perPersonLimit: 1,
          claimStartsAt: new Date(now + demo.opensInDays * day),
          claimEndsAt: new Date(now + demo.closesInDays * day),
          pickupDeadline: new Date(now + demo.pickupDays * day),
          eligibleCategories: demo.categories,
          gigVerifiedRequired: demo.gigVerifiedRequired,
          eligibleTags: demo.tags,
          membersOnly: demo.membersOnly,
          audienceOrgId: null,
          ownerOrgId: orgs.get(demo.owner)!.id,
          stations: demo.stations.map((key) => stations.get(key)!),
          createdBy: adminId,
        }),
      );
    }

    const reading = DEMO_READING_SEASON;
    const season = await manager.save(
      manager.create(ReadingSeason, {
        theme: reading.theme,
        description: reading.description,
        startsOn: shanghaiDay(now + reading.startsInDays * day),
        endsOn: shanghaiDay(now + reading.endsInDays * day),
        minNoteLength: reading.minNoteLength,
        makeUpAllowance: reading.makeUpAllowance,
        badgeThresholds: [...DEFAULT_BADGE_THRESHOLDS],
        audienceOrgId: null,
        ownerOrgId: orgs.get('district')!.id,
        status: 'published',
      }),
    );
    await manager.insert(
      ReadingBook,
      reading.books.map((book, position) => ({ ...book, coverUrl: null, seasonId: season.id, position })),
    );

    await manager.insert(
      LegalCase,
      DEMO_LEGAL_CASES.map((demo, i) => ({
        ...demo,
        status: 'published' as const,
        sourceQuestionId: null,
        ownerOrgId: orgs.get('district')!.id,
        createdBy: adminId,
        publishedAt: new Date(now - (i + 1) * day),
      })),
    );
  });
  return true;
}
