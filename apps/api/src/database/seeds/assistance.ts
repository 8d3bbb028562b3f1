import type { AssistanceKind, AssistanceStatus, HandOverKind, WishStatus } from '@jingcai/shared';
import type { PiiCipher } from '../../common/crypto/pii-cipher';
import { ApplicationSecretsCodec } from '../../modules/assistance/application-secrets';
import { AssistanceApplication } from '../../modules/assistance/entities/assistance-application.entity';
import { AssistanceEvent } from '../../modules/assistance/entities/assistance-event.entity';
import { AssistanceRegisterEntry } from '../../modules/assistance/entities/assistance-register-entry.entity';
import { Wish } from '../../modules/assistance/entities/wish.entity';
import { nextReviewDue } from '../../modules/assistance/register.service';
import { streetLevelOf } from '../../modules/assistance/review-levels';
import type { Person } from './people';
import type { DemoTime, Dice } from './random';
import type { SeedWriter } from './seed-writer';

interface Scripted {
  kind: AssistanceKind;
  status: AssistanceStatus;
  situation: string;
  reasons: string;
  income: number;
  size: number;
  daysAgo: number;
}

/** One family at each step of the review, so the console's queues and the worker's timeline have something to show. */
const APPLICATIONS: Scripted[] = [
  { kind: 'education', status: 'submitted', size: 3, income: 980, daysAgo: 2, situation: '单亲家庭，独自抚养读初三的儿子，在超市做理货员。', reasons: '孩子明年中考，补课和住宿费约两千元，手头拮据。' },
  { kind: 'medical', status: 'submitted', size: 4, income: 760, daysAgo: 1, situation: '爱人今年确诊慢性肾病，需要长期透析，家中两个孩子在读书。', reasons: '透析费用自付部分每月一千余元，申请医疗救助。' },
  { kind: 'living', status: 'checked', size: 2, income: 640, daysAgo: 9, situation: '本人腿伤后只能做半天工，母亲年迈多病，母子二人生活。', reasons: '今年冬天取暖和药费开支大，申请生活救助。' },
  { kind: 'education', status: 'approved', size: 4, income: 850, daysAgo: 16, situation: '夫妻二人都在快递网点工作，收入不稳定，大女儿考上大学。', reasons: '大学第一年学费和住宿费约六千元，申请子女助学。' },
  { kind: 'medical', status: 'returned', size: 3, income: 900, daysAgo: 6, situation: '父亲中风后卧床，需要人照顾，本人只能兼职送餐。', reasons: '康复治疗费用较高，申请医疗救助。' },
  { kind: 'living', status: 'granted', size: 3, income: 700, daysAgo: 60, situation: '爱人下岗在家，孩子读小学，全家靠本人一份工资。', reasons: '家中房租上涨，生活困难，申请生活救助。' },
  { kind: 'education', status: 'granted', size: 5, income: 620, daysAgo: 120, situation: '家中三个孩子读书，老人需要照顾，本人做家政服务。', reasons: '孩子学费和生活费缺口大，申请子女助学。' },
];

const WISHES: { title: string; story: string; amount: number; status: WishStatus }[] = [
  { title: '一个结实的新书包', story: '孩子上三年级，书包背了四年已经破了，想要一个结实的新书包。', amount: 150, status: 'open' },
  { title: '一台电饭煲', story: '家里的电饭煲坏了，想要一台新的，好给老人和孩子做热饭。', amount: 260, status: 'open' },
  { title: '冬天的棉被', story: '老房子冬天冷，想给老人添一床厚棉被。', amount: 300, status: 'open' },
  { title: '一套课外读物', story: '孩子喜欢看书，想要一套适合初中生的课外读物。', amount: 200, status: 'open' },
  { title: '一辆自行车', story: '孩子上学要走四十分钟，想要一辆自行车。', amount: 480, status: 'claimed' },
  { title: '一副助听器的电池', story: '老人戴助听器，电池用得快，想要一年的电池。', amount: 120, status: 'handed_over' },
  { title: '一个台灯', story: '孩子晚上写作业光线暗，想要一个护眼台灯。', amount: 90, status: 'fulfilled' },
  { title: '一件羽绒服', story: '孩子长高了，去年的羽绒服穿不下了，想要一件新的。', amount: 350, status: 'fulfilled' },
];

const ORDER: AssistanceStatus[] = ['submitted', 'checked', 'approved', 'granted'];

/**
 * 困难职工帮扶 in the demo district (issue 24): applications of one street's families at every step (the
 * street's staff check and approve, the district grants), the register of families, and a wish wall with
 * open, claimed and fulfilled wishes. The families' words are sealed with the PII cipher, as the API does.
 */
export async function seedAssistance(
  writer: SeedWriter,
  dice: Dice,
  time: DemoTime,
  cipher: PiiCipher,
  staff: { streetStaffId: number; adminId: number; handOverPlace: string },
  families: Person[],
): Promise<void> {
  const codec = new ApplicationSecretsCodec(cipher);
  const chosen = dice.sample(families.filter((p) => p.org), APPLICATIONS.length + WISHES.length);
  const applications: Partial<AssistanceApplication>[] = [];
  const events: Partial<AssistanceEvent>[] = [];
  const register: Partial<AssistanceRegisterEntry>[] = [];
  const registerFamily = (person: Person, applicationId: number | null, at: Date) =>
    register.push({
      id: writer.id('assistance_register'),
      userId: person.id,
      activeKey: person.id,
      orgId: person.org!.id,
      orgPath: person.org!.path,
      streetOrgId: streetLevelOf(person.org!.path),
      status: 'active',
      applicationId,
      registeredBy: staff.adminId,
      noteCipher: null,
      reviewDueAt: nextReviewDue(at),
      createdAt: at,
      updatedAt: at,
    });

  APPLICATIONS.forEach((s, i) => {
    const person = chosen[i];
    const id = writer.id('assistance_applications');
    const at = time.shift(-s.daysAgo);
    const reached = s.status === 'returned' ? 1 : ORDER.indexOf(s.status);
    const step = (n: number) => time.shift(-s.daysAgo + n * 2);
    const event = (action: AssistanceEvent['action'], n: number, actorId: number, note: string | null = null) =>
      events.push({
        id: writer.id('assistance_events'),
        applicationId: id,
        action,
        step: action === 'submitted' ? null : action === 'checked' || action === 'visited' ? 'check' : action === 'granted' ? 'grant' : 'approve',
        actorId,
        noteCipher: codec.sealNote(note),
        createdAt: step(n),
      });
    event('submitted', 0, person.id);
    const visited = reached >= 1;
    if (visited) {
      event('visited', 0.5, staff.streetStaffId);
      event('checked', 1, staff.streetStaffId, '入户核实，情况属实。');
    }
    if (reached >= 2) event('approved', 2, staff.streetStaffId, '街道审批同意。');
    if (s.status === 'returned') event('returned', 2, staff.streetStaffId, '请补充医院的诊断证明和费用清单。');
    const granted = s.status === 'granted';
    if (granted) event('granted', 3, staff.adminId);
    applications.push({
      id,
      applicantId: person.id,
      filedBy: null,
      consentRecordedAt: null,
      orgId: person.org!.id,
      orgPath: person.org!.path,
      streetOrgId: streetLevelOf(person.org!.path),
      kind: s.kind,
      status: s.status,
      activeKey: granted ? null : `${person.id}:${s.kind}`,
      householdSize: s.size,
      ...codec.seal({ familySituation: s.situation, monthlyIncomePerMember: s.income, reasons: s.reasons, documentIds: [] }),
      returnedStep: s.status === 'returned' ? 'approve' : null,
      returnReasonCipher: s.status === 'returned' ? codec.sealNote('请补充医院的诊断证明和费用清单。') : null,
      visitDate: visited ? time.day(-s.daysAgo + 1) : null,
      visitVisitors: visited ? '李干事、社区网格员' : null,
      visitNotesCipher: visited ? codec.sealNote('入户走访：住房简陋，家庭情况与申请一致。') : null,
      visitPhotoIdsCipher: visited ? codec.sealIds([]) : null,
      visitBy: visited ? staff.streetStaffId : null,
      visitAt: visited ? step(0.5) : null,
      grantAmountFen: granted ? (s.kind === 'education' ? 300_000 : 200_000) : null,
      grantKind: granted ? (s.kind === 'education' ? 'tuition' : 'cash') : null,
      grantDate: granted ? time.day(-s.daysAgo + 6) : null,
      grantedAt: granted ? step(3) : null,
      createdAt: at,
      updatedAt: granted ? step(3) : at,
    });
    if (granted) registerFamily(person, id, step(3));
  });

  const wishes: Partial<Wish>[] = WISHES.map((s, i) => {
    const person = chosen[APPLICATIONS.length + i];
    const created = time.shift(-20 + i);
    registerFamily(person, null, time.shift(-200));
    const published = time.shift(-19 + i);
    const claimed = s.status !== 'open';
    // Every other claimed wish went to an enterprise, recorded by the street's staff.
    const enterprise = claimed && i % 2 === 0;
    const donorId = !claimed ? null : enterprise ? staff.streetStaffId : dice.pick(families.filter((f) => f.id !== person.id)).id;
    const kind: HandOverKind = i % 3 === 0 ? 'station' : 'union_office';
    return {
      id: writer.id('assistance_wishes'),
      beneficiaryId: person.id,
      authorId: person.id,
      activeKey: s.status === 'fulfilled' ? null : person.id,
      orgId: person.org!.id,
      orgPath: person.org!.path,
      streetOrgId: streetLevelOf(person.org!.path),
      title: s.title,
      story: s.story,
      publicTitle: s.title,
      publicStory: s.story,
      amountYuan: s.amount,
      status: s.status,
      rejectReason: null,
      reviewedBy: staff.streetStaffId,
      publishedAt: published,
      handOverKind: kind,
      handOverPlace: kind === 'station' ? '大市口户外劳动者服务站（解放路 88 号，8:00–20:00）' : staff.handOverPlace,
      donorUserId: donorId,
      donorEnterprise: enterprise ? '京口爱心物流有限公司' : null,
      claimedAt: claimed ? time.shift(-18 + i) : null,
      handedOverAt: s.status === 'handed_over' || s.status === 'fulfilled' ? time.shift(-17 + i) : null,
      confirmedBy: s.status === 'fulfilled' ? staff.streetStaffId : null,
      fulfilledAt: s.status === 'fulfilled' ? time.shift(-16 + i) : null,
      confirmPhotoId: null,
      createdAt: created,
      updatedAt: created,
    };
  });

  await writer.insert(AssistanceApplication, applications);
  await writer.insert(AssistanceEvent, events);
  await writer.insert(AssistanceRegisterEntry, register);
  await writer.insert(Wish, wishes);
}
