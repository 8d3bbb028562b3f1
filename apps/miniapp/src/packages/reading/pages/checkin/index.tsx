import Taro, { useLoad, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MyReadingView, SeasonView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { useRequest } from '../../../../hooks/use-request';
import { currentSeason, myReading } from '../../../../services/reading';
import { missedDays } from '../../reading-format';
import { backToSeasonHome } from './back-to-season-home';
import CheckinEditor from './checkin-editor';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/reading.css';
import './index.css';

/** The season open today and my figures in it; no season, no figures. */
async function loadSeason(): Promise<{ season: SeasonView | null; me: MyReadingView | null }> {
  const { season } = await currentSeason();
  return { season, me: season ? await myReading(season.id) : null };
}

/** 阅读打卡 (or 补卡, opened with `makeUp=1`): the form for today's check-in or a missed day's. */
export default function CheckinPage() {
  const { params } = useRouter();
  const makeUp = params.makeUp === '1';
  const { data, status, retry } = useRequest(loadSeason);

  useLoad(() => {
    if (makeUp) Taro.setNavigationBarTitle({ title: '补卡' }).catch(() => undefined);
  });

  if (status !== 'ready' || !data) {
    return (
      <View className={pageClass('page reading-checkin')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }
  const { season, me } = data;
  if (!season || !me) {
    return (
      <View className={pageClass('page reading-checkin')}>
        <StatusView status='empty' message='当前没有进行中的读书季' />
      </View>
    );
  }

  // The server's day: a phone with a wrong clock must not offer the wrong days.
  const today = me.today;
  const missed = missedDays(season, me.checkinDays, today, me.makeUpsLeft);
  const closed = makeUp
    ? missed.length === 0 && (me.makeUpsLeft > 0 ? '没有需要补卡的日期' : '补卡次数已用完')
    : me.checkedInToday && '今天已经打卡了，明天再来吧';

  if (closed) {
    return (
      <View className={pageClass('page reading-checkin')}>
        <View className='card reading-checkin__closed'>
          <Text className='reading-checkin__closed-text'>{closed}</Text>
          <Button block type='primary' onClick={() => void backToSeasonHome()}>
            返回读书季
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className={pageClass('page reading-checkin')}>
      <CheckinEditor season={season} me={me} today={today} missed={makeUp ? missed : null} />
    </View>
  );
}
