import { render, screen } from '@testing-library/react';
import type { FeedbackView } from '@jingcai/shared';
import { fakeApi } from '../../../../../test/fake-api';
import { authResult, meView } from '../../../../../test/fixtures';
import { openedWith } from '../../../../../test/router';
import { saveTokens } from '../../../../services/tokens';
import FeedbackDetailPage from '.';

const ITEM: FeedbackView = {
  id: 5,
  category: 'suggestion',
  text: '建议驿站增加微波炉',
  photos: [],
  wantsContact: false,
  status: 'replied',
  senderName: '我',
  senderPhone: null,
  orgName: null,
  reply: '已安排，下周到位。',
  repliedAt: '2026-12-07T06:30:00Z',
  dueAt: '2026-12-14T02:00:00Z',
  overdue: false,
  createdAt: '2026-12-07T02:00:00Z',
};

describe('FeedbackDetailPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ id: '5' });
  });

  it("shows what I sent and the union's reply", async () => {
    fakeApi({ 'GET /feedback/5': { statusCode: 200, data: ITEM } });
    render(<FeedbackDetailPage />);

    expect(await screen.findByText('建议驿站增加微波炉')).toBeInTheDocument();
    expect(screen.getByText('已答复')).toHaveClass('feedback-status--replied');
    expect(screen.getByText('已安排，下周到位。')).toBeInTheDocument();
  });

  it('says when a reply is due while there is none', async () => {
    fakeApi({ 'GET /feedback/5': { statusCode: 200, data: { ...ITEM, status: 'open', reply: null, repliedAt: null } } });
    render(<FeedbackDetailPage />);

    expect(await screen.findByText('工作人员将在 2026年12月14日 10:00 前答复')).toBeInTheDocument();
  });

  it('says so when the item is not mine to see', async () => {
    fakeApi({});
    render(<FeedbackDetailPage />);

    expect(await screen.findByText('该投诉建议不存在')).toBeInTheDocument();
  });
});
