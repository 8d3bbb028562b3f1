import { fireEvent, render, screen } from '@testing-library/react';
import Choice, { type ChoiceRole } from '.';

function renderChoice(role: ChoiceRole, selected: boolean, extra: { disabled?: boolean } = {}) {
  const onSelect = jest.fn();
  render(
    <Choice
      role={role}
      className='jc-chip legal-chip'
      selectedClassName='legal-chip--active'
      selected={selected}
      onSelect={onSelect}
      {...extra}
    >
      劳动合同
    </Choice>,
  );
  return onSelect;
}

describe(Choice.name, () => {
  it.each([
    ['radio', 'aria-checked'],
    ['checkbox', 'aria-checked'],
    ['tab', 'aria-selected'],
    ['button', 'aria-pressed'],
  ] as const)('as a %s, says whether it is on with %s', (role, state) => {
    renderChoice(role, true);
    expect(screen.getByRole(role, { name: '劳动合同' })).toHaveAttribute(state, 'true');
  });

  it('ticks the chosen one, besides its colour, and keeps the page’s own classes', () => {
    renderChoice('radio', true);
    const chip = screen.getByRole('radio', { name: '劳动合同' });
    expect(chip).toBeChecked();
    expect(chip).toHaveClass('jc-tap', 'jc-chip', 'legal-chip', 'jc-ticked', 'legal-chip--active');
  });

  it('is neither ticked nor coloured when not chosen, and still a tap target', () => {
    renderChoice('radio', false);
    const chip = screen.getByRole('radio', { name: '劳动合同' });
    expect(chip).not.toBeChecked();
    expect(chip).toHaveClass('jc-tap', 'legal-chip');
    expect(chip).not.toHaveClass('jc-ticked');
    expect(chip).not.toHaveClass('legal-chip--active');
  });

  it('picks on a tap', () => {
    const onSelect = renderChoice('radio', false);
    fireEvent.click(screen.getByRole('radio', { name: '劳动合同' }));
    expect(onSelect).toHaveBeenCalledTimes(1);
  });

  it('says it is disabled and ignores taps then', () => {
    const onSelect = renderChoice('radio', false, { disabled: true });
    const chip = screen.getByRole('radio', { name: '劳动合同' });
    expect(chip).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(chip);
    expect(onSelect).not.toHaveBeenCalled();
  });
});
