import type {
  ErrorEnvelope,
  LegalQuestionView,
  ModerationItemView,
  NotificationPage,
  Page,
} from '@jingcai/shared';
import { ModerationItem } from '../../src/modules/content-safety/entities/moderation-item.entity';
import { User } from '../../src/modules/users/entities/user.entity';
import { MATRIX } from './authorization-matrix';
import {
  CHECKED_ROUTES,
  FORMAT_PATTERNS,
  PHOTO_PATTERN,
  STAFF_WRITTEN,
  UNCHECKED_FIELDS,
  type SafetyRow,
} from './content-safety-table';
import { openApiDocument, type OpenApiDocument, type SchemaObject } from './routes';
import { World, type Person } from './world';

/** Every body field of every documented route that is free text or holds upload ids: `route field kind`. */
function contentFields(doc: OpenApiDocument): string[] {
  const resolve = (schema?: SchemaObject): SchemaObject | undefined => {
    let s = schema;
    while (s?.$ref) s = doc.components.schemas[s.$ref.split('/').pop()!];
    return s;
  };
  const found: string[] = [];
  const walk = (route: string, field: string, schema?: SchemaObject): void => {
    const s = resolve(schema);
    if (!s) return;
    if (s.properties) {
      for (const [name, child] of Object.entries(s.properties))
        walk(route, field ? `${field}.${name}` : name, child);
    } else if (s.type === 'array') {
      walk(route, `${field}[]`, s.items);
    } else if (s.type === 'string' && !s.enum && !s.format) {
      const pattern = (s as { pattern?: string }).pattern;
      const photoField = field.replace(/\[\]$/, '');
      if (pattern === PHOTO_PATTERN) found.push(`${route} ${photoField} photo`);
      else if (!pattern || !FORMAT_PATTERNS.has(pattern)) found.push(`${route} ${field} text`);
    }
  };
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      for (const { schema } of Object.values(operation.requestBody?.content ?? {}))
        walk(`${method.toUpperCase()} ${path}`, '', schema);
    }
  }
  return found;
}

/** What the tables say about each field, in the same `route field kind` form. */
function tabled(): { checked: string[]; unchecked: string[] } {
  const checked = Object.entries(CHECKED_ROUTES).flatMap(([route, row]) => [
    ...row.text.map((field) => `${route} ${field} text`),
    ...(row.photo ? [`${route} ${row.photo.field} photo`] : []),
  ]);
  const unchecked = Object.entries(UNCHECKED_FIELDS).flatMap(([route, { fields, photos }]) => [
    ...fields.map((field) => `${route} ${field} text`),
    ...(photos ?? []).map((field) => `${route} ${field} photo`),
  ]);
  return { checked, unchecked };
}

describe('Content safety covers every route that takes worker text or photos', () => {
  let w: World;
  let fields: string[];

  beforeAll(async () => {
    w = await World.create();
    fields = contentFields(await openApiDocument(w.t.http));
  });
  afterAll(() => w.close());
  beforeEach(() => w.t.fake.reset());

  it('has every free-text or photo body field in the table of checked routes or the unchecked list', () => {
    const { checked, unchecked } = tabled();
    const known = new Set([...checked, ...unchecked]);
    expect(fields.filter((f) => !known.has(f))).toEqual([]);
    // And neither list names a field the API no longer has (or has as another kind).
    expect([...known].filter((f) => !fields.includes(f))).toEqual([]);
    expect(checked.filter((f) => unchecked.includes(f))).toEqual([]);
  });

  it('leaves unchecked as staff-written only routes a worker cannot call', () => {
    const staffRoutes = Object.entries(UNCHECKED_FIELDS)
      .filter(([, entry]) => entry.reason === STAFF_WRITTEN)
      .map(([route]) => route);
    const callableByWorkers = staffRoutes.filter(
      (route) => MATRIX[route].expect.worker !== 403 || MATRIX[route].expect.otherWorker !== 403,
    );
    expect(callableByWorkers).toEqual([]);
  });

  /** The row's call by a fresh worker, its body changed by `patch` first. */
  const send = async (
    row: SafetyRow,
    route: string,
    patch: (body: Record<string, unknown>, author: Person) => Promise<void> | void,
  ) => {
    const author = await w.newWorker();
    const { path, body } = await row.call(w, author);
    await patch(body, author);
    const method = route.split(' ')[0].toLowerCase() as 'post' | 'patch';
    return { author, res: await w.as(author, method, path).send(body) };
  };
  const textCases = Object.entries(CHECKED_ROUTES).flatMap(([route, row]) =>
    row.text.map((field) => [route, field, row] as const),
  );
  const photoCases = Object.entries(CHECKED_ROUTES).flatMap(([route, row]) =>
    row.photo ? [[route, row] as const] : [],
  );

  describe.each(textCases)('%s, text field %s', (route, field, row) => {
    const mark = (marker: string) => (body: Record<string, unknown>) => {
      body[field] = `${String(body[field])}${marker}`;
    };

    it('is sent to msg_sec_check with the worker’s openid', async () => {
      const { author, res } = await send(row, route, mark('（已核对）'));
      expect(res.status).toBeLessThan(300);
      const checked = w.t.fake
        .callsTo('/wxa/msg_sec_check')
        .map((c) => c.body as { content: string; openid: string })
        .filter((body) => body.content.endsWith('（已核对）'));
      const { openid } = (await w.t.dataSource.getRepository(User).findOneBy({ id: author.id }))!;
      expect(checked.map((body) => body.openid)).toEqual([openid]);
    });

    it('refuses risky text with CONTENT_RISKY, naming the field', async () => {
      const { res } = await send(row, route, mark('[risky]'));
      expect(res.status).toBe(400);
      expect(res.body as ErrorEnvelope).toMatchObject({
        code: 'CONTENT_RISKY',
        details: [{ field, message: expect.any(String) }],
      });
    });

    it(`${row.review === 'held' ? 'holds' : 'refuses'} text WeChat wants a person to review`, async () => {
      const { author, res } = await send(row, route, mark('[review]'));
      if (row.review === 'refused') {
        expect(res.status).toBe(400);
        expect((res.body as ErrorEnvelope).code).toBe('CONTENT_NEEDS_REVIEW');
        return;
      }
      expect(res.status).toBeLessThan(300);
      const queued = await w.t.dataSource
        .getRepository(ModerationItem)
        .findBy({ authorId: author.id, kind: 'text', status: 'pending' });
      expect(queued.map((item) => item.content)).toEqual([expect.stringContaining('[review]')]);
    });
  });

  describe.each(photoCases)('%s, photos', (route, row) => {
    const { field, purpose, many } = row.photo!;
    const shown = async (author: Person, uploadId: string) =>
      row.photoShown
        ? row.photoShown(w, author, uploadId)
        : (await w.as(row.reader!, 'get', `/api/uploads/${uploadId}`)).status === 200;

    it.each(['pass', 'risky'] as const)(
      'go to media_check_async: others see a photo once WeChat passed it, never one it judged %s',
      async (verdict) => {
        let uploadId = '';
        w.t.fake.mediaVerdicts.push(verdict);
        const { author, res } = await send(row, route, async (body, owner) => {
          uploadId = (await w.upload(owner, purpose)).id;
          body[field] = many ? [uploadId] : uploadId;
        });
        expect(res.status).toBeLessThan(300);
        await w.t.fake.settled();
        const [check] = w.t.fake.callsTo('/wxa/media_check_async');
        expect((check.body as { media_url: string }).media_url).toContain(`/api/uploads/${uploadId}/content?`);
        expect(await shown(author, uploadId)).toBe(verdict === 'pass');
      },
    );
  });

  describe('what held and refused mean', () => {
    const question = async (who: Person | 'staffIn', id: number) =>
      (await w.as(who, 'get', `/api/legal/questions/${id}`).expect(200)).body as LegalQuestionView;

    it('keeps a photo WeChat wants reviewed from everyone but its author until staff approve it', async () => {
      const author = await w.newWorker();
      const photo = await w.upload(author, 'legal_photo');
      w.t.fake.mediaVerdicts.push('review');
      const asked = (
        await w
          .as(author, 'post', '/api/legal/questions')
          .send({ ...LEGAL_QUESTION, photoIds: [photo.id] })
          .expect(201)
      ).body as LegalQuestionView;
      await w.t.fake.settled();
      expect((await question(author, asked.id)).messages[0].photos.map((p) => p.id)).toEqual([photo.id]);
      expect((await question('staffIn', asked.id)).messages[0].photos).toEqual([]);
      await w.as('staffIn', 'get', `/api/uploads/${photo.id}`).expect(404);

      const queue = (await w.as('staffIn', 'get', '/api/moderation').query({ pageSize: 100 }).expect(200))
        .body as Page<ModerationItemView>;
      const item = queue.items.find((i) => i.subjectId === photo.id)!;
      expect(item).toMatchObject({ subjectType: 'photo', kind: 'image', reason: 'review' });
      await w.as('staffIn', 'post', `/api/moderation/${item.id}/approve`).expect(201);
      expect((await question('staffIn', asked.id)).messages[0].photos.map((p) => p.id)).toEqual([photo.id]);
    });

    it('tells the author when WeChat judges a photo risky', async () => {
      const author = await w.newWorker();
      const photo = await w.upload(author, 'legal_photo');
      w.t.fake.mediaVerdicts.push('risky');
      await w
        .as(author, 'post', '/api/legal/questions')
        .send({ ...LEGAL_QUESTION, photoIds: [photo.id] })
        .expect(201);
      await w.t.fake.settled();
      const inbox = (await w.as(author, 'get', '/api/notifications').expect(200)).body as NotificationPage;
      expect(inbox.items.map((n) => n.kind)).toContain('content_rejected');
    });

    it('refuses text it cannot check on a route with no queue, saving nothing (WeChat unreachable)', async () => {
      const author = await w.newWorker();
      w.t.fake.script('/wxa/msg_sec_check', ...Array.from({ length: 3 }, () => ({ status: 502 })));
      const res = await w
        .as(author, 'post', '/api/legal/aid-applications')
        .send({ kind: 'aid', facts: '公司拖欠两个月工资，拒不支付。', employer: '某某公司', amountInDispute: 100 })
        .expect(502);
      expect(res.body as ErrorEnvelope).toMatchObject({
        code: 'WECHAT_UNAVAILABLE',
        message: '内容安全检查暂时不可用，请稍后再试',
      });
      await w.t.fake.settled();
      expect((await w.as(author, 'get', '/api/legal/aid-applications/mine').expect(200)).body).toEqual([]);
    });
  });
});

const LEGAL_QUESTION = {
  category: 'wage_arrears',
  title: '老板拖欠工资怎么办',
  body: '我在工地干了三个月活，老板一直拖着不发工资',
  publicAllowed: false,
};
