import type { HTMLAttributes, KeyboardEvent } from 'react';

/**
 * Props for a table row that opens something: clickable, and reachable and operable by keyboard alone (Tab to
 * the row, Enter or Space to open), with the focus ring from a11y.css.
 */
export function clickableRow(open: () => void): HTMLAttributes<HTMLElement> {
  return {
    onClick: open,
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return;
      event.preventDefault();
      open();
    },
    tabIndex: 0,
    style: { cursor: 'pointer' },
  };
}
