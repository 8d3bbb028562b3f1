import type { FeedbackView, NotificationPage, Page } from '@jingcai/shared';
import { Clock } from '../src/common/clock';
import { World } from './security/world';

describe('Feedback 投诉建议 (e2e)', () => {
  let w: World;
  let now: Date | null = null;

  beforeAll(async () => {
    w = await World.create();
    jest.spyOn(w.t.app.get(Clock), 'now').mockImplementation(() => now ?? new Date());
  });
  afterAll(() => w.close());
  beforeEach(() => {
    now = null;
  });

  const queue = async (who: Parameters<World['as']>[0], query = '') =>
    ((await w.as(who, 'get', `/api/feedback${query}`).expect(200)).body as Page<FeedbackView>).items;
  /** Every id in `who`'s whole queue, page by page: other specs' items come first in a shared database. */
  const wholeQueue = async (who: Parameters<World['as']>[0]) => {
    const ids: number[] = [];
    for (let page = 1; ; page++) {
      const items = await queue(who, `?pageSize=100&page=${page}`);
      ids.push(...items.map((f) => f.id));
      if (items.length < 100) return ids;
    }
  };

  it('a worker sends a suggestion with photos, follows it and reads the reply; staff are told nothing private', async () => {
    const worker = await w.newWorker('赵大勇');
    const photo = await w.upload(worker, 'feedback_photo');
    const sent = (
      await w
        .as(worker, 'post', '/api/feedback')
        .send({ category: 'suggestion', text: '建议驿站增加微波炉', photoIds: [photo.id], wantsContact: true })
        .expect(201)
    ).body as FeedbackView;
    expect(sent).toEqual(
      expect.objectContaining({ status: 'open', senderName: '我', senderPhone: null, reply: null, overdue: false }),
    );
    expect(sent.photos).toEqual([expect.objectContaining({ id: photo.id })]);
    const mine = (await w.as(worker, 'get', '/api/feedback/mine').expect(200)).body as Page<FeedbackView>;
    expect(mine.items.map((f) => f.id)).toEqual([sent.id]);

    // Staff of the worker's street see the sender and, since they asked to be called back, a masked phone.
    const seen = (await queue('staffIn')).find((f) => f.id === sent.id)!;
    expect(seen).toEqual(expect.objectContaining({ senderName: '赵大勇', text: '建议驿站增加微波炉' }));
    expect(seen.senderPhone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    // The photo opens for them through its signed link.
    await w.as('staffIn', 'get', `/api/uploads/${photo.id}`).expect(200);

    const replied = (
      await w.as('staffIn', 'post', `/api/feedback/${sent.id}/reply`).send({ text: '已安排，下周到位。' }).expect(201)
    ).body as FeedbackView;
    expect(replied).toEqual(expect.objectContaining({ status: 'replied', reply: '已安排，下周到位。' }));
    const again = await w.as('admin', 'post', `/api/feedback/${sent.id}/reply`).send({ text: '补充一句' });
    expect([again.status, again.body.code]).toEqual([409, 'STATUS_LOCKED']);

    const read = (await w.as(worker, 'get', `/api/feedback/${sent.id}`).expect(200)).body as FeedbackView;
    expect(read.reply).toBe('已安排，下周到位。');
    const inbox = (await w.as(worker, 'get', '/api/notifications').expect(200)).body as NotificationPage;
    expect(inbox.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'feedback_replied', page: `packages/feedback/pages/detail/index?id=${sent.id}` }),
      ]),
    );
  });

  it("is scoped like the other staff queues: another street's staff and other workers get 404", async () => {
    const item = await w.feedback(w.people.worker, '这条只给本街道看');
    expect(await wholeQueue('staffIn')).toContain(item.id);
    expect(await wholeQueue('admin')).toContain(item.id);
    expect(await wholeQueue('staffOut')).not.toContain(item.id);
    for (const who of ['staffOut', 'otherWorker', 'lawyer'] as const) {
      await w.as(who, 'get', `/api/feedback/${item.id}`).expect(404);
    }
    await w.as('staffOut', 'post', `/api/feedback/${item.id}/reply`).send({ text: '越权答复' }).expect(404);
    await w.as('worker', 'get', '/api/feedback').expect(403);
    // A photo of someone else's feedback is not the other street's to see.
    const photo = await w.upload(w.people.worker, 'feedback_photo');
    await w
      .as('worker', 'post', '/api/feedback')
      .send({ category: 'other', text: '附上照片一张', photoIds: [photo.id], wantsContact: false })
      .expect(201);
    await w.as('staffOut', 'get', `/api/uploads/${photo.id}`).expect(404);
  });

  it('nobody replies to their own feedback', async () => {
    const item = await w.feedback(w.people.self);
    const res = await w.as('self', 'post', `/api/feedback/${item.id}/reply`).send({ text: '自己答复自己' });
    expect([res.status, res.body.code]).toEqual([403, 'OWN_RECORD']);
  });

  it('passes content safety: risky text is refused and nothing is stored', async () => {
    const worker = await w.newWorker();
    const res = await w
      .as(worker, 'post', '/api/feedback')
      .send({ category: 'complaint', text: '这里有违规内容 [risky]', wantsContact: false });
    expect([res.status, res.body.code]).toEqual([400, 'CONTENT_RISKY']);
    expect(((await w.as(worker, 'get', '/api/feedback/mine').expect(200)).body as Page<FeedbackView>).total).toBe(0);
  });

  it("refuses photos that are not the sender's own feedback photos", async () => {
    const otherPhoto = await w.upload(w.people.otherWorker, 'feedback_photo');
    const legalPhoto = await w.upload(w.people.worker, 'legal_photo');
    for (const id of [otherPhoto.id, legalPhoto.id]) {
      const res = await w
        .as('worker', 'post', '/api/feedback')
        .send({ category: 'other', text: '带一张照片', photoIds: [id], wantsContact: false });
      expect(res.status).toBe(400);
    }
  });

  it('is due 5 working days after sending and shows as overdue to staff after that', async () => {
    now = new Date('2026-12-04T02:00:00Z'); // a Friday, 10:00 in Shanghai
    const item = await w.feedback(w.people.worker, '周五提交的投诉');
    expect(item.dueAt).toBe('2026-12-11T02:00:00.000Z'); // the next Friday
    now = new Date('2026-12-11T03:00:00Z');
    expect((await queue('staffIn', '?overdue=true')).map((f) => f.id)).toContain(item.id);
    expect((await queue('staffIn', '?overdue=false')).map((f) => f.id)).not.toContain(item.id);
    await w.as('staffIn', 'post', `/api/feedback/${item.id}/reply`).send({ text: '抱歉回复晚了。' }).expect(201);
    expect((await queue('staffIn', '?overdue=true')).map((f) => f.id)).not.toContain(item.id);
  });
});
