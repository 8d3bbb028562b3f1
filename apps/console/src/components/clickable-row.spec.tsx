import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { clickableRow } from './clickable-row';

describe('clickableRow', () => {
  it('opens the row by click, Enter or Space, and takes keyboard focus', () => {
    const open = vi.fn();
    render(
      <table>
        <tbody>
          <tr {...clickableRow(open)} data-testid='row'>
            <td>
              <button type='button'>内层按钮</button>
            </td>
          </tr>
        </tbody>
      </table>,
    );
    const row = screen.getByTestId('row');
    expect(row.getAttribute('tabindex')).toBe('0');

    fireEvent.click(row);
    fireEvent.keyDown(row, { key: 'Enter' });
    fireEvent.keyDown(row, { key: ' ' });
    expect(open).toHaveBeenCalledTimes(3);

    // Keys meant for a control inside the row stay with that control.
    fireEvent.keyDown(screen.getByText('内层按钮'), { key: 'Enter' });
    fireEvent.keyDown(row, { key: 'a' });
    expect(open).toHaveBeenCalledTimes(3);
  });
});
