import type {
  AssistanceApplicationView,
  NotificationPage,
  OrgView,
  Page,
  RegisterEntryView,
  StaffApplicationSummary,
  StaffApplicationView,
  ViewLogEntry,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import { PiiCipher } from '../src/common/crypto/pii-cipher';
import { ERASED_TEXT } from '../src/common/personal-data';
import { AssistancePersonalDataRepository } from '../src/modules/assistance/assistance-personal-data.repository';
import { World, type Person } from './security/world';
import { application, atStage, GRANT, VISIT } from './support/assistance-fixtures';

/**
 * 困难职工帮扶 (issue 24): the review up the tree with send-backs, scope, the applicant's view without internal
 * notes, the view log, ciphertext at rest, exports and the family's personal data.
 */
describe('Assistance applications (e2e)', () => {
  let w: World;
  // A second enterprise under the first street, with union staff of its own: they check its applications.
  let enterprise: OrgView;
  let entStaff: Person;
  let family: Person;

  beforeAll(async () => {
    w = await World.create();
    enterprise = (
      await w
        .as('admin', 'post', '/api/orgs')
        .send({ name: `帮扶企业${w.tag}`, kind: 'enterprise', parentId: w.streetId, memberCount: 50 })
        .expect(201)
    ).body as OrgView;
    entStaff = await w.person('企业工会刘主席', enterprise.id, [{ role: 'staff', orgId: enterprise.id }]);
    family = await w.person('郑秀兰', enterprise.id);
  });
  afterAll(() => w.close());

  const url = (id: number, action = '') => `/api/assistance/applications/${id}${action ? `/${action}` : ''}`;
  const mine = async (who: Person, id: number) =>
    (await w.as(who, 'get', `/api/assistance/applications/mine/${id}`).expect(200)).body as AssistanceApplicationView;
  const staffView = async (who: Person | 'staffIn' | 'admin', id: number) =>
    (await w.as(who, 'get', url(id)).expect(200)).body as StaffApplicationView;
  const views = async (id: number) =>
    (await w.as('admin', 'get', url(id, 'views')).expect(200)).body as ViewLogEntry[];

  it('runs up the tree with a send-back: the enterprise checks after a visit, the street approves, the district grants', async () => {
    const document = await w.upload(family, 'assistance_document');
    const applied = (
      await w
        .as(family, 'post', '/api/assistance/applications')
        .send({ ...application('education'), documentUploadIds: [document.id] })
        .expect(201)
    ).body as AssistanceApplicationView;
    expect(applied).toMatchObject({ status: 'submitted', currentStep: 'check', filedByStaff: false });
    expect(applied.steps.map((s) => s.state)).toEqual(['current', 'waiting', 'waiting']);
    const id = applied.id;

    // Outside the subtree it does not exist; inside, only the step's own org acts.
    for (const who of ['staffOut', 'otherWorker', 'lawyer'] as const) {
      await w.as(who, 'get', `/api/assistance/applications/mine/${id}`).expect(404);
    }
    await w.as('staffOut', 'get', url(id)).expect(404);
    await w.as('staffOut', 'post', url(id, 'visit')).send(VISIT).expect(404);
    const street = await w.as('staffIn', 'post', url(id, 'visit')).send(VISIT);
    expect([street.status, street.body.code]).toEqual([403, 'ASSISTANCE_NOT_YOUR_STEP']);
    const early = await w.as(entStaff, 'post', url(id, 'check')).send({});
    expect([early.status, early.body.code]).toEqual([409, 'ASSISTANCE_VISIT_REQUIRED']);

    const visitPhoto = await w.upload(entStaff, 'assistance_photo');
    await w
      .as(entStaff, 'post', url(id, 'visit'))
      .send({ ...VISIT, notes: '走访记录：爱人卧床，租住十五平米', photoUploadIds: [visitPhoto.id] })
      .expect(201);
    const checked = (
      await w.as(entStaff, 'post', url(id, 'check')).send({ note: '内部意见：情况属实' }).expect(201)
    ).body as StaffApplicationView;
    expect(checked).toMatchObject({ status: 'checked', actions: [] });
    expect(checked.visit).toMatchObject({ notes: '走访记录：爱人卧床，租住十五平米', recordedByName: '企业工会刘主席' });
    const notApprover = await w.as(entStaff, 'post', url(id, 'approve')).send({});
    expect([notApprover.status, notApprover.body.code]).toEqual([403, 'ASSISTANCE_NOT_YOUR_STEP']);

    // The street sends it back; the worker reads the reason, never the internal note or the visit.
    await w.as('staffIn', 'post', url(id, 'return')).send({ reason: '请补充孩子的在读证明' }).expect(201);
    const returned = await mine(family, id);
    expect(returned).toMatchObject({ status: 'returned', returnReason: '请补充孩子的在读证明', returnedAt: 'approve' });
    expect(returned.steps.map((s) => [s.step, s.state, s.returnReason])).toEqual([
      ['check', 'done', null],
      ['approve', 'returned', '请补充孩子的在读证明'],
      ['grant', 'waiting', null],
    ]);
    const seen = JSON.stringify(returned);
    for (const secret of ['内部意见', '走访记录', '李干事', visitPhoto.id]) expect(seen).not.toContain(secret);

    // Edited and resubmitted, it goes back to the street, which approves; the street cannot grant.
    const edited = (
      await w
        .as(family, 'patch', url(id))
        .send({ reasons: '孩子下学期学费三千元，在读证明已补充。' })
        .expect(200)
    ).body as AssistanceApplicationView;
    expect(edited).toMatchObject({ status: 'checked', currentStep: 'approve', reasons: '孩子下学期学费三千元，在读证明已补充。' });
    await w.as('staffIn', 'post', url(id, 'approve')).send({ note: '街道同意' }).expect(201);
    const notDistrict = await w.as('staffIn', 'post', url(id, 'grant')).send(GRANT);
    expect([notDistrict.status, notDistrict.body.code]).toEqual([403, 'ASSISTANCE_NOT_YOUR_STEP']);
    await w.as('admin', 'post', url(id, 'grant')).send(GRANT).expect(201);

    const granted = await mine(family, id);
    expect(granted).toMatchObject({ status: 'granted', currentStep: null, grant: { amount: 3000, kind: 'tuition' } });
    expect(granted.steps.map((s) => s.state)).toEqual(['done', 'done', 'done']);
    // Told at every change: checked, returned, approved, granted.
    const inbox = (await w.as(family, 'get', '/api/notifications').expect(200)).body as NotificationPage;
    const told = inbox.items.filter((n) => n.kind === 'assistance_updated');
    expect(told.map((n) => n.title).reverse()).toEqual(['帮扶申请审核通过', '帮扶申请已退回', '帮扶申请审批通过', '帮扶申请已发放']);
    expect(told[0].page).toBe(`packages/assistance/pages/application/index?id=${id}`);
    // Granting put the family on the register.
    const register = (await w.as('staffIn', 'get', '/api/assistance/register').query({ pageSize: 100 }).expect(200))
      .body as Page<RegisterEntryView>;
    expect(register.items.find((e) => e.userId === family.id)).toMatchObject({ applicationId: id, status: 'active' });
    // Staff see the documents once WeChat passed them; the visit photo is staff's, never the worker's.
    await w.t.fake.settled();
    expect((await staffView('staffIn', id)).documents.map((d) => d.id)).toEqual([document.id]);
    await w.as('staffIn', 'get', `/api/uploads/${document.id}`).expect(200);
    await w.as('staffOut', 'get', `/api/uploads/${document.id}`).expect(404);
    await w.as(family, 'get', `/api/uploads/${visitPhoto.id}`).expect(404);
  });

  it('lets the district send it back from the grant step; corrected, it waits for the district again', async () => {
    const worker = await w.person('毛师傅', enterprise.id);
    const app = await atStage(w, 'approved', worker);
    const street = await w.as('staffIn', 'post', url(app.id, 'return')).send({ reason: '街道不能在发放环节退回' });
    expect([street.status, street.body.code]).toEqual([403, 'ASSISTANCE_NOT_YOUR_STEP']);
    await w.as('admin', 'post', url(app.id, 'return')).send({ reason: '请补充孩子的学费缴费通知' }).expect(201);
    const returned = await mine(worker, app.id);
    expect(returned).toMatchObject({ status: 'returned', returnReason: '请补充孩子的学费缴费通知', returnedAt: 'grant' });
    expect(returned.steps.map((s) => [s.step, s.state])).toEqual([
      ['check', 'done'],
      ['approve', 'done'],
      ['grant', 'returned'],
    ]);
    const edited = (
      await w.as(worker, 'patch', url(app.id)).send({ reasons: '孩子下学期学费三千元，缴费通知已补充。' }).expect(200)
    ).body as AssistanceApplicationView;
    expect(edited).toMatchObject({ status: 'approved', currentStep: 'grant', returnReason: null });
    await w.as('admin', 'post', url(app.id, 'grant')).send(GRANT).expect(201);
    expect((await mine(worker, app.id)).status).toBe('granted');
  });

  it('logs every staff view (who, when) for admins, and keeps the family’s words as ciphertext at rest', async () => {
    const app = (await w.as(family, 'post', '/api/assistance/applications').send(application('medical')).expect(201))
      .body as AssistanceApplicationView;
    expect(await views(app.id)).toEqual([]);
    await staffView('staffIn', app.id);
    await staffView(entStaff, app.id);
    await w.as(entStaff, 'post', url(app.id, 'visit')).send(VISIT).expect(201);
    const log = await views(app.id);
    // The admin's own reads of the log are not views of the application; the visit answered with the record.
    expect(log.map((e) => [e.viewerName, e.action])).toEqual([
      ['企业工会刘主席', 'view'],
      ['企业工会刘主席', 'view'],
      ['甲街道干事', 'view'],
    ]);
    expect(Date.parse(log[0].at)).toBeGreaterThan(Date.now() - 60_000);
    // A list is not a view: it holds nothing sensitive.
    const list = (await w.as('staffIn', 'get', '/api/assistance/applications').query({ status: 'submitted', pageSize: 100 }).expect(200))
      .body as Page<StaffApplicationSummary>;
    expect(list.items.find((s) => s.id === app.id)).toMatchObject({ applicantName: '郑秀兰', canAct: false });
    expect(JSON.stringify(list)).not.toContain('外卖');
    expect(await views(app.id)).toHaveLength(3);
    await w.as('staffIn', 'get', url(app.id, 'views')).expect(403);

    const [row] = await w.t.dataSource.query<Record<string, string>[]>(
      'SELECT family_situation_cipher, income_cipher, reasons_cipher, document_ids_cipher, visit_notes_cipher FROM assistance_applications WHERE id = ?',
      [app.id],
    );
    for (const value of Object.values(row)) expect(value).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]*$/);
    expect(JSON.stringify(row)).not.toMatch(/外卖|学费|860|入户核实/);
    const cipher = w.t.app.get(PiiCipher);
    expect(cipher.decrypt(row.family_situation_cipher)).toBe(application().familySituation);
    expect(cipher.decrypt(row.income_cipher)).toBe('860.5');
    const notes = await w.t.dataSource.query<{ note_cipher: string | null }[]>(
      'SELECT note_cipher FROM assistance_events WHERE application_id = ? AND note_cipher IS NOT NULL',
      [app.id],
    );
    for (const { note_cipher } of notes) expect(note_cipher).toMatch(/^v1\./);
  });

  it('never lets staff review their own application, and applicants hold one open application per kind', async () => {
    const me = await w.staffWorker('吴干事');
    const own = (await w.as(me, 'post', '/api/assistance/applications').send(application('living')).expect(201))
      .body as AssistanceApplicationView;
    for (const [path, body] of [['', undefined], ['visit', VISIT], ['return', { reason: '自己退回自己' }]] as const) {
      const res = await w.as(me, path ? 'post' : 'get', url(own.id, path)).send(body);
      expect([res.status, res.body.code]).toEqual([403, 'OWN_RECORD']);
    }
    // Nor an admin, who acts at every step: not on their own, the grant included.
    const chief = await w.person('钱主席', enterprise.id, [{ role: 'admin', orgId: null }]);
    const chiefs = await atStage(w, 'approved', chief);
    for (const [path, body] of [['', undefined], ['grant', GRANT], ['return', { reason: '自己退回自己' }]] as const) {
      const res = await w.as(chief, path ? 'post' : 'get', url(chiefs.id, path)).send(body);
      expect([res.status, res.body.code]).toEqual([403, 'OWN_RECORD']);
    }
    expect((await mine(chief, chiefs.id)).status).toBe('approved');
    const again = await w.as(me, 'post', '/api/assistance/applications').send(application('living'));
    expect([again.status, again.body.code]).toEqual([409, 'ASSISTANCE_OPEN_APPLICATION']);
    await w.as(me, 'post', url(own.id, 'withdraw')).expect(201);
    await w.as(me, 'post', '/api/assistance/applications').send(application('living')).expect(201);
    // A worker with no verified org has no union to review it.
    const loose = await w.person('游师傅', null);
    const orphan = await w.as(loose, 'post', '/api/assistance/applications').send(application());
    expect([orphan.status, orphan.body.code]).toEqual([409, 'ASSISTANCE_NO_ORG']);
  });

  it('lets staff apply for a worker of their subtree only with consent recorded', async () => {
    const worker = await w.person('何大姐', enterprise.id);
    const body = { ...application('living'), onBehalfOfUserId: worker.id };
    const noConsent = await w.as('staffIn', 'post', '/api/assistance/applications').send(body);
    expect([noConsent.status, noConsent.body.details?.[0]?.field]).toEqual([400, 'consentRecorded']);
    await w.as('staffOut', 'post', '/api/assistance/applications').send({ ...body, consentRecorded: true }).expect(404);
    const filed = (
      await w.as('staffIn', 'post', '/api/assistance/applications').send({ ...body, consentRecorded: true }).expect(201)
    ).body as AssistanceApplicationView;
    expect(filed.filedByStaff).toBe(true);
    expect((await mine(worker, filed.id)).kind).toBe('living');
    // The worker is told at once that staff filed it in their name (and only for the one that was filed).
    const inbox = (await w.as(worker, 'get', '/api/notifications').expect(200)).body as NotificationPage;
    const told = inbox.items.filter((n) => n.kind === 'assistance_updated');
    expect(told.map((n) => [n.title, n.page])).toEqual([
      ['工会已代你提交帮扶申请', `packages/assistance/pages/application/index?id=${filed.id}`],
    ]);
    expect(told[0].body).toContain('工会工作人员已代你提交生活困难帮扶申请');
    const record = await staffView(entStaff, filed.id);
    expect(record).toMatchObject({ filedByName: '甲街道干事', applicant: { name: '何大姐' } });
    expect(record.consentRecordedAt).not.toBeNull();
    expect(record.applicant.phone).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('exports without the sensitive fields; only an admin includes them, and each included application is logged', async () => {
    const app = (await w.as(family, 'post', '/api/assistance/applications').send(application('other')).expect(201))
      .body as AssistanceApplicationView;
    const sheet = async (who: 'staffIn' | 'admin', query: Record<string, string>) => {
      const res = await w
        .as(who, 'get', '/api/assistance/applications/export')
        .query(query)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as ExcelJS.Buffer);
      const rows: unknown[][] = [];
      book.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
      return rows;
    };
    const plain = await sheet('staffIn', { kind: 'other' });
    expect(plain[0]).not.toContain('家庭情况');
    expect(plain[0]).not.toContain('申请人');
    expect(JSON.stringify(plain)).not.toContain('外卖');
    // A named list of families in hardship is itself sensitive: the plain file names nobody.
    expect(JSON.stringify(plain)).not.toContain('郑秀兰');
    expect(plain.some((r) => r[0] === app.id)).toBe(true);
    expect(await views(app.id)).toEqual([]);
    await w.as('staffIn', 'get', '/api/assistance/applications/export').query({ includeSensitive: 'true' }).expect(403);
    const full = await sheet('admin', { kind: 'other', includeSensitive: 'true' });
    expect(full[0]).toContain('家庭情况');
    expect(JSON.stringify(full)).toContain('外卖');
    expect(full.find((r) => r[0] === app.id)?.[1]).toBe('郑秀兰');
    expect((await views(app.id)).map((e) => e.action)).toEqual(['export']);
  });

  it('gives the family a copy of their applications and erases their words on deletion, keeping the ledger', async () => {
    const worker = await w.person('严师傅', enterprise.id);
    const app = (await w.as(worker, 'post', '/api/assistance/applications').send(application()).expect(201))
      .body as AssistanceApplicationView;
    const copy = (await w.as(worker, 'get', '/api/me/data-export').expect(200)).body as {
      sections: { key: string; rows: Record<string, unknown>[] }[];
    };
    const section = copy.sections.find((s) => s.key === 'assistanceApplications')!;
    expect(section.rows).toEqual([expect.objectContaining({ id: app.id, familySituation: application().familySituation })]);
    await w.t.app.get(AssistancePersonalDataRepository).eraseOf(worker.id);
    const [row] = await w.t.dataSource.query<{ family_situation_cipher: string; status: string; active_key: string | null }[]>(
      'SELECT family_situation_cipher, status, active_key FROM assistance_applications WHERE id = ?',
      [app.id],
    );
    expect(w.t.app.get(PiiCipher).decrypt(row.family_situation_cipher)).toBe(ERASED_TEXT);
    expect([row.status, row.active_key]).toEqual(['withdrawn', null]);
  });
});
