import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../services/http';
import { ErrorResult } from './page-states';

describe('ErrorResult', () => {
  it('shows a 404 as "不存在或无权查看", like the API means it', () => {
    render(<ErrorResult error={new ApiError(404, 'NOT_FOUND', '不存在或无权查看')} />);
    expect(screen.getByText('不存在或无权查看')).toBeTruthy();
  });

  it('shows other failures with their message and a retry', () => {
    render(<ErrorResult error={new ApiError(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后再试')} onRetry={() => undefined} />);
    expect(screen.getByText('服务器开小差了，请稍后再试')).toBeTruthy();
    expect(screen.getByRole('button', { name: /重\s?试/ })).toBeTruthy();
  });
});
