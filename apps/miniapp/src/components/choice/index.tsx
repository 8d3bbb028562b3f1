import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

/** What a choice is to a screen reader: a toggle button (pressed), a radio or checkbox (checked) or a tab (selected). */
export type ChoiceRole = 'button' | 'radio' | 'checkbox' | 'tab';

interface ChoiceProps {
  role: ChoiceRole;
  selected: boolean;
  onSelect: () => void;
  /** The page's classes for it: `jc-chip` for the shared chip, or the page's own look (a card, a quiz option). */
  className: string;
  /** The page's class for the chosen one, kept so page CSS and the browser journeys still find it. */
  selectedClassName?: string;
  disabled?: boolean;
  children: ReactNode;
}

/**
 * Something to pick: a chip, a tab, an option card. It tells screen readers what it is and whether it is on
 * (role and state), and the eye by more than colour: the chosen one is ticked (`jc-ticked` in app.css).
 * `jc-tap` keeps it at least 44×44 px, 60 in care mode, on both builds.
 */
export default function Choice({
  role,
  selected,
  onSelect,
  className,
  selectedClassName,
  disabled = false,
  children,
}: ChoiceProps) {
  const chosen = selected ? ` jc-ticked${selectedClassName ? ` ${selectedClassName}` : ''}` : '';
  return (
    <View
      className={`jc-tap jc-choice ${className}${chosen}`}
      role={role}
      {...stateOf(role, selected)}
      aria-disabled={disabled || undefined}
      onClick={disabled ? undefined : onSelect}
    >
      {children}
    </View>
  );
}

function stateOf(role: ChoiceRole, selected: boolean) {
  if (role === 'button') return { 'aria-pressed': selected };
  return role === 'tab' ? { 'aria-selected': selected } : { 'aria-checked': selected };
}
