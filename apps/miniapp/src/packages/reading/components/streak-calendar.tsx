import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { SeasonView } from '@jingcai/shared';
import { formatDay, formatMonth, monthGrid, monthOf, shiftMonth } from '../reading-format';
import './reading.css';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

interface StreakCalendarProps {
  season: Pick<SeasonView, 'startsOn' | 'endsOn'>;
  /** Days checked in, marked. */
  checkedDays: readonly string[];
  today: string;
  /** Days that can be tapped (the missed days a 补卡 may fill); none when the calendar only shows. */
  selectable?: readonly string[];
  selected?: string | null;
  onSelect?: (day: string) => void;
}

/**
 * A month of the season, one cell a day: checked-in days filled and ticked, today ringed, days outside the
 * season or still to come greyed. ‹ › move between the season's months up to this one.
 */
export default function StreakCalendar({
  season,
  checkedDays,
  today,
  selectable = [],
  selected = null,
  onSelect,
}: StreakCalendarProps) {
  const first = monthOf(season.startsOn);
  const last = monthOf(today < season.endsOn ? today : season.endsOn);
  const [month, setMonth] = useState(() => clampMonth(monthOf(selected ?? today), first, last));
  const checked = new Set(checkedDays);
  const pickable = new Set(selectable);

  const move = (delta: number) => setMonth((current) => clampMonth(shiftMonth(current, delta), first, last));

  return (
    <View className='reading-calendar'>
      <View className='reading-calendar__header'>
        <Text
          className={`jc-tap reading-calendar__nav${month <= first ? ' reading-calendar__nav--disabled' : ''}`}
          role='button'
          aria-label='上个月'
          aria-disabled={month <= first || undefined}
          onClick={() => move(-1)}
        >
          ‹
        </Text>
        <Text className='reading-calendar__month'>{formatMonth(month)}</Text>
        <Text
          className={`jc-tap reading-calendar__nav${month >= last ? ' reading-calendar__nav--disabled' : ''}`}
          role='button'
          aria-label='下个月'
          aria-disabled={month >= last || undefined}
          onClick={() => move(1)}
        >
          ›
        </Text>
      </View>
      <View className='reading-calendar__week'>
        {WEEKDAYS.map((weekday) => (
          <Text key={weekday} className='reading-calendar__weekday'>
            {weekday}
          </Text>
        ))}
      </View>
      {monthGrid(month).map((week) => (
        <View key={week.find((day) => day !== null) ?? ''} className='reading-calendar__week'>
          {week.map((day, index) => {
            if (day === null) return <View key={`blank-${index}`} className='reading-calendar__day reading-calendar__day--blank' />;
            const flags = {
              checked: checked.has(day),
              today: day === today,
              outside: day < season.startsOn || day > season.endsOn || day > today,
              selectable: pickable.has(day),
              selected: day === selected,
            };
            const className = dayClass(flags);
            // Screen readers hear the date and whether it was checked in rather than the bare number. Hidden text,
            // not aria-label: a day that is no control has no role to carry a label, and a 补卡 day takes its name
            // from its text.
            const content = (
              <>
                <Text className={`reading-calendar__date${flags.checked ? ' jc-ticked' : ''}`} aria-hidden='true'>
                  {Number(day.slice(8))}
                </Text>
                <Text className='sr-only'>{dayName(day, flags)}</Text>
              </>
            );
            // Only the days a 补卡 may fill are choices; the rest are there to read.
            return pickable.has(day) && onSelect ? (
              <View
                key={day}
                className={`jc-tap ${className}`}
                role='radio'
                aria-checked={day === selected}
                onClick={() => onSelect(day)}
              >
                {content}
              </View>
            ) : (
              <View key={day} className={className}>
                {content}
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}

function clampMonth(month: string, first: string, last: string): string {
  if (month < first) return first;
  return month > last ? last : month;
}

type DayFlags = Record<'checked' | 'today' | 'outside' | 'selectable' | 'selected', boolean>;

/** `12月3日，已打卡`, `12月7日，今天，未打卡`, `11月24日，未打卡，可补卡`; a day to come or outside the season is its date. */
function dayName(day: string, { checked, today, outside, selectable }: DayFlags): string {
  const state = checked ? '已打卡' : outside ? null : '未打卡';
  return [formatDay(day), today && '今天', state, selectable && '可补卡'].filter(Boolean).join('，');
}

function dayClass(flags: DayFlags): string {
  const modifiers = Object.entries(flags)
    .filter(([, on]) => on)
    .map(([flag]) => ` reading-calendar__day--${flag}`);
  return `reading-calendar__day${modifiers.join('')}`;
}
