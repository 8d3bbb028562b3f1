import { render, screen } from '@testing-library/react';
import { Form, Select as AntSelect } from 'antd';
import { describe, expect, it } from 'vitest';
import { Select } from './select';

const OPTIONS = [{ value: 'a', label: '甲' }];

describe('Select', () => {
  it('keeps aria-required off the wrapper div that antd’s own Select puts it on (axe aria-allowed-attr)', () => {
    const { container } = render(
      <Form>
        <Form.Item name='ours' label='我们的' rules={[{ required: true }]}>
          <Select options={OPTIONS} />
        </Form.Item>
        <Form.Item name='theirs' label='原样的' rules={[{ required: true }]}>
          <AntSelect options={OPTIONS} />
        </Form.Item>
      </Form>,
    );
    const [ours, theirs] = container.querySelectorAll('.ant-select');
    expect(theirs.getAttribute('aria-required')).toBe('true');
    expect(ours.hasAttribute('aria-required')).toBe(false);
    // Still named by its form label.
    expect(screen.getByLabelText('我们的').getAttribute('role')).toBe('combobox');
  });

  it('names a filter’s search input by aria-label', () => {
    render(<Select aria-label='类型' options={OPTIONS} />);
    expect(screen.getByRole('combobox', { name: '类型' })).toBeTruthy();
  });

  it('names a filter without its own aria-label by its placeholder', () => {
    render(<Select placeholder='全部分类' options={OPTIONS} />);
    expect(screen.getByRole('combobox', { name: '全部分类' })).toBeTruthy();
  });
});
