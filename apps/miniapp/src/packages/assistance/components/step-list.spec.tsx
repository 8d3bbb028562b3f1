import { render, screen, within } from '@testing-library/react';
import { applicationView } from '../assistance-fixtures';
import StepList from './step-list';

function stepLabels(): string[] {
  return screen.getAllByRole('listitem').map((item) => item.getAttribute('aria-label') ?? '');
}

describe('StepList', () => {
  it('shows 提交 done and the check waiting, the rest not started', () => {
    render(<StepList {...applicationView()} />);
    expect(stepLabels()).toEqual([
      '提交申请：已完成',
      '所在工会审核与入户走访：办理中',
      '街道工会审批：未开始',
      '区总工会发放：未开始',
    ]);
    expect(screen.getByText('2026年12月1日 10:00')).toBeInTheDocument();
  });

  it('shows the step that sent it back with its reason, and when the steps before it were done', () => {
    render(
      <StepList
        {...applicationView({
          status: 'returned',
          steps: [
            { step: 'check', state: 'done', at: '2026-12-02T03:30:00.000Z', returnReason: null },
            { step: 'approve', state: 'returned', at: '2026-12-03T06:00:00.000Z', returnReason: '请补充孩子的录取通知书' },
            { step: 'grant', state: 'waiting', at: null, returnReason: null },
          ],
        })}
      />,
    );
    expect(stepLabels()).toEqual([
      '提交申请：已完成',
      '所在工会审核与入户走访：已完成',
      '街道工会审批：已退回',
      '区总工会发放：未开始',
    ]);
    const returned = screen.getAllByRole('listitem')[2];
    expect(within(returned).getByText('退回原因：请补充孩子的录取通知书')).toBeInTheDocument();
    expect(within(returned).getByText('2026年12月3日 14:00')).toBeInTheDocument();
    expect(screen.getByText('2026年12月2日 11:30')).toBeInTheDocument();
  });

  it('never shows a reason on a step that did not return it', () => {
    render(
      <StepList
        {...applicationView({
          status: 'granted',
          steps: [
            { step: 'check', state: 'done', at: '2026-12-02T03:30:00.000Z', returnReason: '旧的退回原因' },
            { step: 'approve', state: 'done', at: '2026-12-03T06:00:00.000Z', returnReason: null },
            { step: 'grant', state: 'done', at: '2026-12-04T06:00:00.000Z', returnReason: null },
          ],
        })}
      />,
    );
    expect(stepLabels().every((label) => label.endsWith('已完成'))).toBe(true);
    expect(screen.queryByText(/退回原因/)).toBeNull();
  });
});
