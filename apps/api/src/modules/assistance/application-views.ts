import { Injectable } from '@nestjs/common';
import {
  staffName,
  type AssistanceApplicationView,
  type OrgSummary,
  type PhotoView,
  type StaffApplicationSummary,
  type StaffApplicationView,
} from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { ContentSafetyService } from '../content-safety/content-safety.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import { UploadsService } from '../uploads/uploads.service';
import { UsersRepository } from '../users/users.repository';
import { ApplicationSecretsCodec } from './application-secrets';
import { toApplicant, toApplicationView, toHistoryEntry, toSummary, toVisitView } from './application.mapper';
import { ApplicationsRepository } from './applications.repository';
import { AssistanceAccess } from './assistance-access';
import type { AssistanceApplication } from './entities/assistance-application.entity';

/**
 * Builds what each reader of an application gets. The applicant: their own words and each step's state.
 * Staff: everything, and every such view is written to the view log before it is returned.
 */
@Injectable()
export class ApplicationViews {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly codec: ApplicationSecretsCodec,
    private readonly access: AssistanceAccess,
    private readonly uploads: UploadsService,
    private readonly contentSafety: ContentSafetyService,
    private readonly users: UsersRepository,
    private readonly orgs: OrgsRepository,
    private readonly cipher: PiiCipher,
  ) {}

  async forApplicant(app: AssistanceApplication): Promise<AssistanceApplicationView> {
    const secrets = this.codec.open(app);
    const events = await this.applications.eventsOf(app.id);
    return toApplicationView(app, secrets, events, this.photos(secrets.documentIds));
  }

  /** The full record for staff in scope; logs the view (who, when) first. */
  async forStaff(viewer: AuthUser, app: AssistanceApplication): Promise<StaffApplicationView> {
    await this.applications.logViews([app.id], viewer.id, 'view');
    const secrets = this.codec.open(app);
    const visit = this.codec.openVisit(app);
    const events = await this.applications.eventsOf(app.id);
    const people = await this.users.contacts([
      app.applicantId,
      ...(app.filedBy ? [app.filedBy] : []),
      ...(app.visitBy ? [app.visitBy] : []),
      ...events.map((e) => e.actorId),
    ]);
    const nameOf = (id: number | null) => (id === null ? '' : staffName(people.get(id)));
    const applicant = people.get(app.applicantId);
    // Photos WeChat has not passed yet stay with whoever uploaded them.
    const withheld = await this.contentSafety.withheldPhotos([
      ...secrets.documentIds,
      ...(visit?.photoIds ?? []),
    ]);
    const shown = (ids: string[]) => this.photos(ids.filter((id) => !withheld.has(id)));
    const base = toApplicationView(app, secrets, events, shown(secrets.documentIds));
    return {
      ...base,
      applicant: toApplicant(
        app.applicantId,
        nameOf(app.applicantId),
        applicant?.phoneCipher ? this.cipher.decrypt(applicant.phoneCipher) : null,
        (await this.orgSummaries([app.orgId])).get(app.orgId)!,
      ),
      filedByName: app.filedBy === null ? null : nameOf(app.filedBy),
      consentRecordedAt: app.consentRecordedAt?.toISOString() ?? null,
      visit: visit ? toVisitView(app, visit.notes, shown(visit.photoIds), nameOf(app.visitBy)) : null,
      history: events.map((e) => toHistoryEntry(e, nameOf(e.actorId), this.codec.openNote(e.noteCipher))),
      actions: await this.access.actionsFor(viewer, app),
    };
  }

  /** List rows: nothing sensitive, so not a view. */
  async summaries(viewer: AuthUser, apps: AssistanceApplication[]): Promise<StaffApplicationSummary[]> {
    const names = await this.users.namesOf([...new Set(apps.map((a) => a.applicantId))]);
    const orgs = await this.orgSummaries(apps.map((a) => a.orgId));
    const staffed = await this.access.staffedOrgs();
    const rows: StaffApplicationSummary[] = [];
    for (const app of apps) {
      const canAct = (await this.access.actionsFor(viewer, app, staffed)).length > 0;
      rows.push(toSummary(app, staffName(names.get(app.applicantId)), orgs.get(app.orgId)!, canAct));
    }
    return rows;
  }

  async orgSummaries(ids: readonly number[]): Promise<Map<number, OrgSummary>> {
    const map = new Map<number, OrgSummary>();
    for (const id of new Set(ids)) {
      const org = await this.orgs.byId(id);
      map.set(
        id,
        org ? { id, name: org.name, kind: org.kind } : { id, name: '（组织已删除）', kind: 'enterprise' },
      );
    }
    return map;
  }

  photos(ids: readonly string[]): PhotoView[] {
    return ids.map((id) => ({ id, url: this.uploads.signedUrl(id) }));
  }
}
