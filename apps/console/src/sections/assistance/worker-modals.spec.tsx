import type {
  AssistanceApplicationView,
  MemberView,
  Page,
  RegisterEntryView,
  WishView,
} from '@jingcai/shared';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assistanceApi } from '../../services/assistance';
import { membersApi } from '../../services/members';
import { AddToRegisterModal } from './add-to-register-modal';
import { ApplyForWorkerModal } from './apply-for-worker-modal';
import { WriteWishModal } from './write-wish-modal';

// antd renders slowly under jsdom on a shared 2-core machine.
vi.setConfig({ testTimeout: 60_000 });
const WAIT = { timeout: 10_000 };

vi.mock('../../services/assistance', () => ({
  assistanceApi: {
    applyFor: vi.fn(),
    addToRegister: vi.fn(),
    writeWish: vi.fn(),
    register: vi.fn(),
    uploadPhoto: vi.fn(),
  },
}));
vi.mock('../../services/members', () => ({ membersApi: { list: vi.fn() } }));
const apiMock = vi.mocked(assistanceApi);
const membersMock = vi.mocked(membersApi);

const ORG = { id: 9, name: '京口机械厂工会', kind: 'enterprise' } as const;
const page = <T,>(items: T[]): Page<T> => ({ items, total: items.length, page: 1, pageSize: 100 });

const worker: MemberView = {
  id: 7,
  realName: '何大姐',
  phone: '139****5678',
  org: ORG,
  category: null,
  gigVerified: false,
  tags: [],
  membership: 'none',
  memberNo: null,
  memberSince: null,
};

const entry: RegisterEntryView = {
  id: 3,
  userId: 12,
  name: '葛阿姨',
  org: ORG,
  status: 'active',
  registeredAt: '2026-11-01T02:00:00.000Z',
  applicationId: null,
  reviewDueAt: '2027-11-01T02:00:00.000Z',
  lastReviewedAt: null,
  reviewOverdue: false,
  note: null,
};

const onClose = vi.fn();
const onDone = vi.fn();
const show = (modal: ReactNode) => render(<App>{modal}</App>);

const type = (label: string | RegExp, value: string) => {
  const input = screen.getByLabelText(label);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};
const submitButton = (text: string) => screen.getByText(text).closest('button') as HTMLElement;

/** Opens a searchable Select by its form label, types `search` (if any) and picks the option titled `option`. */
async function pick(label: string, option: string, search?: string) {
  const box = screen.getByLabelText(label);
  fireEvent.mouseDown(box);
  if (search) fireEvent.change(box, { target: { value: search } });
  fireEvent.click(await screen.findByTitle(option, {}, WAIT));
}

describe('ApplyForWorkerModal (代为申请)', () => {
  afterEach(cleanup);
  beforeEach(() => {
    vi.clearAllMocks();
    membersMock.list.mockResolvedValue(page([worker]));
  });

  const fill = async () => {
    await pick('申请职工', '何大姐 · 京口机械厂工会 · 139****5678', '何');
    fireEvent.click(screen.getByLabelText('生活困难'));
    type('家庭情况', ' 爱人长期患病在家，孩子读初二，全家靠她一人做保洁的收入。 ');
    type('家庭人口（人）', '3');
    type('家庭人均月收入（元）', '860.5');
    type('申请理由', '孩子下学期学费和住宿费共三千元，家里拿不出来。');
  };

  it('says what is missing and sends nothing', async () => {
    show(<ApplyForWorkerModal open onClose={onClose} onDone={onDone} />);
    fireEvent.click(submitButton('提交申请'));
    for (const text of [
      '请选择申请帮扶的职工',
      '请选择帮扶类型',
      '请填写家庭情况',
      '请填写家庭人口',
      '请填写申请理由',
    ]) {
      expect(await screen.findByText(text, {}, WAIT)).toBeTruthy();
    }
    expect(apiMock.applyFor).not.toHaveBeenCalled();
  });

  it('will not apply without the worker’s consent ticked', async () => {
    show(<ApplyForWorkerModal open onClose={onClose} onDone={onDone} />);
    await fill();
    fireEvent.click(submitButton('提交申请'));
    expect(await screen.findByText('代为申请前须征得职工本人同意，请确认后勾选', {}, WAIT)).toBeTruthy();
    expect(membersMock.list).toHaveBeenCalledWith({ q: '何', page: 1, pageSize: 20 });
    expect(apiMock.applyFor).not.toHaveBeenCalled();
  });

  it('with consent, applies once for the picked worker (a second click while busy sends nothing), then refreshes the list', async () => {
    let answer: (value: AssistanceApplicationView) => void = () => undefined;
    apiMock.applyFor.mockReturnValue(
      new Promise<AssistanceApplicationView>((resolve) => {
        answer = resolve;
      }),
    );
    show(<ApplyForWorkerModal open onClose={onClose} onDone={onDone} />);
    await fill();
    fireEvent.click(screen.getByLabelText('已征得职工本人同意'));
    fireEvent.click(submitButton('提交申请'));
    await waitFor(() => expect(apiMock.applyFor).toHaveBeenCalledTimes(1));
    fireEvent.click(submitButton('提交申请'));
    expect(apiMock.applyFor).toHaveBeenCalledWith({
      onBehalfOfUserId: 7,
      consentRecorded: true,
      kind: 'living',
      familySituation: '爱人长期患病在家，孩子读初二，全家靠她一人做保洁的收入。',
      householdSize: 3,
      monthlyIncomePerMember: 860.5,
      reasons: '孩子下学期学费和住宿费共三千元，家里拿不出来。',
    });
    answer({ id: 40 } as AssistanceApplicationView);
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onDone).toHaveBeenCalled();
    expect(apiMock.applyFor).toHaveBeenCalledTimes(1);
  });
});

describe('AddToRegisterModal (新增建档)', () => {
  afterEach(cleanup);
  beforeEach(() => {
    vi.clearAllMocks();
    membersMock.list.mockResolvedValue(page([worker]));
    apiMock.addToRegister.mockResolvedValue({ ...entry, userId: 7, name: '何大姐' });
  });

  it('asks for a worker, then registers them with the internal note', async () => {
    show(<AddToRegisterModal open onClose={onClose} onDone={onDone} />);
    fireEvent.click(submitButton('确认建档'));
    expect(await screen.findByText('请选择建档的职工', {}, WAIT)).toBeTruthy();
    expect(apiMock.addToRegister).not.toHaveBeenCalled();

    await pick('建档职工', '何大姐 · 京口机械厂工会 · 139****5678', '何大姐');
    type(/建档说明/, ' 因病致困 ');
    fireEvent.click(submitButton('确认建档'));
    await waitFor(() => expect(apiMock.addToRegister).toHaveBeenCalledWith({ userId: 7, note: '因病致困' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });
});

describe('WriteWishModal (代写心愿)', () => {
  afterEach(cleanup);
  beforeEach(() => {
    vi.clearAllMocks();
    apiMock.register.mockResolvedValue(page([entry]));
    apiMock.writeWish.mockResolvedValue({ id: 5 } as WishView);
  });

  it('offers the families on the register and writes the wish for the one picked', async () => {
    show(<WriteWishModal open onClose={onClose} onDone={onDone} />);
    fireEvent.click(submitButton('提交审核'));
    for (const text of ['请选择建档的困难职工', '请填写心愿', '请填写心愿故事', '请填写心愿的价值']) {
      expect(await screen.findByText(text, {}, WAIT)).toBeTruthy();
    }
    expect(apiMock.register).toHaveBeenCalledWith({ status: 'active', page: 1, pageSize: 100 });

    await pick('建档职工', '葛阿姨（京口机械厂工会）');
    type('心愿', '一台电饭煲');
    type('心愿故事', '家里的电饭煲坏了很久，想要一台新的给孩子做饭。');
    type(/价值/, '200');
    fireEvent.click(submitButton('提交审核'));
    await waitFor(() =>
      expect(apiMock.writeWish).toHaveBeenCalledWith({
        forUserId: 12,
        title: '一台电饭煲',
        story: '家里的电饭煲坏了很久，想要一台新的给孩子做饭。',
        amountYuan: 200,
      }),
    );
    await waitFor(() => expect(onDone).toHaveBeenCalled());
  });
});
