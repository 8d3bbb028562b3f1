import { useState } from 'react';
import Taro, { useDidShow, useShareAppMessage } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CheckinStatus, type MyReadingView, type SeasonView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { useRequest } from '../../../../hooks/use-request';
import { pageUrl, ROUTES } from '../../../../routes';
import { currentSeason, myReading } from '../../../../services/reading';
import { takeHandedOverCheckin } from '../../checkin-handover';
import StreakCalendar from '../../components/streak-calendar';
import { formatSeasonWindow, missedDays } from '../../reading-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/reading.css';
import './index.css';

/** The season open today and my figures in it; `null` when no season is open. */
async function loadSeason(): Promise<{ season: SeasonView; me: MyReadingView } | null> {
  const { season } = await currentSeason();
  return season ? { season, me: await myReading(season.id) } : null;
}

/**
 * 职工读书季: the season's theme, my figures and badges, the streak calendar, today's check-in (or 补卡),
 * the recommended books, and the ways to the feed, the rankings and my poster.
 */
export default function ReadingIndexPage() {
  // Again on every show: back from a check-in, the figures, the calendar and the button have changed.
  const { data, status, retry, setData } = useRequest(loadSeason, { when: 'show', pullDownRefresh: true });
  // Set when the check-in just made still has its note under review.
  const [noteInReview, setNoteInReview] = useState(false);

  useDidShow(() => {
    const handedOver = takeHandedOverCheckin();
    if (handedOver) {
      setData((current) => current && { ...current, me: handedOver.me });
      setNoteInReview(handedOver.checkin.status === CheckinStatus.Pending);
    }
  });
  useShareAppMessage(() => ({
    title: data ? `职工读书季：${data.season.theme}` : '职工读书季',
    path: ROUTES.reading,
  }));

  if (status === 'ready' && data === null) {
    return (
      <View className={pageClass('page reading')}>
        <StatusView status='empty' message='当前没有进行中的读书季' />
      </View>
    );
  }
  if (status !== 'ready' || !data) {
    return (
      <View className={pageClass('page reading')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }
  const { season, me } = data;

  // The server's day: a phone with a wrong clock must not offer the wrong days.
  const today = me.today;
  const canMakeUp = missedDays(season, me.checkinDays, today, me.makeUpsLeft).length > 0;
  const open = (url: string) => void Taro.navigateTo({ url });

  return (
    <View className={pageClass('page reading')}>
      <View className='reading-hero'>
        <Text className='reading-hero__label'>职工读书季</Text>
        <Text className='reading-hero__theme'>{season.theme}</Text>
        <Text className='reading-hero__window'>{formatSeasonWindow(season)}</Text>
        {season.description && <Text className='reading-hero__description'>{season.description}</Text>}
      </View>

      <View className='card reading-today'>
        <Text className='reading-streak'>
          {me.currentStreak > 0 ? `已连续打卡 ${me.currentStreak} 天` : '今天开始，养成阅读好习惯'}
        </Text>
        {me.checkedInToday ? (
          <Button className='reading-today__button' block size='large' disabled>
            今日已打卡
          </Button>
        ) : (
          <Button
            className='reading-today__button'
            block
            size='large'
            type='primary'
            onClick={() => open(ROUTES.readingCheckin)}
          >
            今日打卡
          </Button>
        )}
        {noteInReview && <Text className='reading-notice'>读后感审核通过后将在书友圈展示</Text>}
        {canMakeUp && (
          <Text className='jc-tap reading-today__makeup' role='button' onClick={() => open(pageUrl(ROUTES.readingCheckin, { makeUp: 1 }))}>
            漏打卡了？去补卡（剩余 {me.makeUpsLeft} 次） ›
          </Text>
        )}
      </View>

      <View className='card reading-stats'>
        <Stat label='累计打卡' value={`${me.days} 天`} />
        <Stat label='当前连续' value={`${me.currentStreak} 天`} />
        <Stat label='最长连续' value={`${me.longestStreak} 天`} />
        <Stat label='阅读时长' value={`${me.minutes} 分钟`} />
      </View>

      <View className='reading-entries'>
        <Entry title='书友圈' hint='看看大家的读后感' onClick={() => open(pageUrl(ROUTES.readingFeed, { seasonId: season.id }))} />
        <Entry
          title='排行榜'
          hint='个人 · 单位'
          onClick={() => open(pageUrl(ROUTES.readingLeaderboard, { seasonId: season.id }))}
        />
        <Entry
          title='我的笔记'
          hint='我写下的读后感'
          onClick={() => open(pageUrl(ROUTES.readingNotes, { seasonId: season.id }))}
        />
        <Entry
          title='我的海报'
          hint='晒晒阅读成绩'
          onClick={() => open(pageUrl(ROUTES.readingPoster, { seasonId: season.id }))}
        />
      </View>

      <Text className='section-title'>阅读徽章</Text>
      <View className='card reading-badges'>
        <View className='reading-badges__list'>
          {season.badgeThresholds.map((threshold) => {
            const earned = me.badges.includes(threshold);
            return (
              <View key={threshold} className={`reading-badge${earned ? ' reading-badge--earned' : ''}`}>
                <Text className='reading-badge__days'>{threshold}</Text>
                <Text className='reading-badge__label'>{earned ? `${threshold} 天徽章` : '未获得'}</Text>
              </View>
            );
          })}
        </View>
        <Text className='muted reading-badges__next'>
          {me.nextBadge !== null
            ? `再打卡 ${me.nextBadge - me.days} 天，可获得「${me.nextBadge} 天」徽章`
            : '已集齐全部徽章，继续保持！'}
        </Text>
      </View>

      <Text className='section-title'>打卡日历</Text>
      <View className='card'>
        <StreakCalendar season={season} checkedDays={me.checkinDays} today={today} />
      </View>

      <Text className='section-title'>推荐书单</Text>
      {season.books.length === 0 ? (
        <StatusView status='empty' message='暂无推荐书目' />
      ) : (
        <View className='reading-books'>
          {season.books.map((book) => (
            <View key={book.id} className='card reading-book'>
              {book.coverUrl ? (
                <Image className='reading-book__cover' src={book.coverUrl} mode='aspectFill' />
              ) : (
                <View className='reading-book__cover reading-book__cover--blank'>
                  <Text>{book.title.slice(0, 1)}</Text>
                </View>
              )}
              <View className='reading-book__body'>
                <Text className='reading-book__title'>《{book.title}》</Text>
                <Text className='muted'>{book.author}</Text>
                {book.blurb && <Text className='reading-book__blurb'>{book.blurb}</Text>}
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <View className='reading-stat'>
      <Text className='reading-stat__value'>{value}</Text>
      <Text className='reading-stat__label'>{label}</Text>
    </View>
  );
}

function Entry({ title, hint, onClick }: { title: string; hint: string; onClick: () => void }) {
  return (
    <View className='card reading-entry' role='button' onClick={onClick}>
      <Text className='reading-entry__title'>{title}</Text>
      <Text className='muted'>{hint}</Text>
    </View>
  );
}
