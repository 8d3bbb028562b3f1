import { fireEvent, render, screen } from '@testing-library/react';
import StreakCalendar from './streak-calendar';

const season = { startsOn: '2026-12-01', endsOn: '2027-01-31' };

function renderCalendar(onSelect?: (day: string) => void) {
  return render(
    <StreakCalendar
      season={season}
      checkedDays={['2026-12-03', '2026-12-07']}
      today='2026-12-07'
      selectable={['2026-12-05']}
      onSelect={onSelect}
    />,
  );
}

/** The day's cell, from the words a screen reader hears for it. */
const dayOf = (name: string) => screen.getByText(name).parentElement!;

describe(StreakCalendar.name, () => {
  it('says for every day whether it was checked in, and ticks a checked-in day as well as filling it', () => {
    renderCalendar();

    const checked = dayOf('12月3日，已打卡');
    expect(checked).toHaveClass('reading-calendar__day--checked');
    const disc = checked.querySelector('.reading-calendar__date');
    expect(disc).toHaveClass('jc-ticked');
    // The bare number is for the eye; screen readers hear the words instead.
    expect(disc).toHaveTextContent('3');
    expect(disc).toHaveAttribute('aria-hidden', 'true');

    expect(dayOf('12月7日，今天，已打卡')).toHaveClass(
      'reading-calendar__day--today',
      'reading-calendar__day--checked',
    );
    const missed = dayOf('12月4日，未打卡');
    expect(missed).not.toHaveClass('reading-calendar__day--checked');
    expect(missed.querySelector('.reading-calendar__date')).not.toHaveClass('jc-ticked');
    // A day to come: neither.
    expect(dayOf('12月20日')).toHaveClass('reading-calendar__day--outside');
    expect(screen.queryByText(/12月20日，/)).not.toBeInTheDocument();
  });

  it('names a day a 补卡 may fill as a radio, checked in or not, and picks it on a tap', () => {
    const onSelect = jest.fn();
    renderCalendar(onSelect);

    const day = screen.getByRole('radio', { name: '12月5日，未打卡，可补卡' });
    expect(day).not.toBeChecked();
    expect(day).toHaveClass('jc-tap');
    fireEvent.click(day);
    expect(onSelect).toHaveBeenCalledWith('2026-12-05');
    // The others are there to read, not to pick.
    expect(screen.getAllByRole('radio')).toHaveLength(1);
  });
});
