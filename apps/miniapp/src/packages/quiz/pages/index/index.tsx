import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { attemptTimeLimit, timeLimitRule, type WorkerCampaignView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../format';
import { isCareMode, pageClass } from '../../../../hooks/use-care-mode';
import { pageUrl, ROUTES } from '../../../../routes';
import { quizCampaigns } from '../../../../services/quiz';
import { formatDuration } from '../../quiz-format';
import { openNewAttempt } from '../../start-attempt';
import '../../components/quiz.css';
import './index.css';

type ListStatus = 'loading' | 'ready' | 'error';

/** The ways from the campaign list to what the worker has done before. */
const ENTRIES = [
  { url: ROUTES.quizMistakes, title: '错题本', hint: '答错的题目，再练一遍' },
  { url: ROUTES.quizMine, title: '我的答题', hint: '答题记录与电子证书' },
  { url: ROUTES.quizPast, title: '往期活动', hint: '已结束活动的成绩与排行榜' },
] as const;

/** 学习答题: the campaigns open to the worker, with the rules before starting; the 错题本, my attempts and past campaigns. */
export default function QuizIndexPage() {
  const [campaigns, setCampaigns] = useState<WorkerCampaignView[]>([]);
  const [status, setStatus] = useState<ListStatus>('loading');
  const [expanded, setExpanded] = useState<number | null>(null);
  const [starting, setStarting] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setCampaigns(await quizCampaigns());
      setStatus('ready');
    } catch {
      setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, []);

  // Again on every show: back from an attempt, the attempts left and the best score have changed.
  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const start = async (campaign: WorkerCampaignView) => {
    if (starting !== null) return;
    const { confirm } = await Taro.showModal({
      title: '答题规则',
      content: rulesSummary(campaign),
      confirmText: '开始答题',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setStarting(campaign.id);
    const opened = await openNewAttempt(campaign.id);
    setStarting(null);
    // Refused (e.g. the last attempt was used on another phone): show where things stand now.
    if (!opened) void load();
  };

  return (
    <View className={pageClass('page quiz')}>
      {ENTRIES.map((entry) => (
        <View key={entry.url} className='card quiz__entry' role='button' onClick={() => void Taro.navigateTo({ url: entry.url })}>
          <View className='quiz__entry-text'>
            <Text className='quiz__entry-title'>{entry.title}</Text>
            <Text className='muted'>{entry.hint}</Text>
          </View>
          <Text className='quiz__arrow'>›</Text>
        </View>
      ))}

      <Text className='section-title'>正在进行</Text>
      {status !== 'ready' ? (
        <StatusView
          status={status}
          onRetry={() => {
            setStatus('loading');
            void load();
          }}
        />
      ) : campaigns.length === 0 ? (
        <StatusView status='empty' message='暂时没有进行中的答题活动' />
      ) : (
        <View className='quiz__list'>
          {campaigns.map((campaign) => (
            <CampaignCard
              key={campaign.id}
              campaign={campaign}
              expanded={expanded === campaign.id}
              starting={starting === campaign.id}
              onToggle={() => setExpanded((current) => (current === campaign.id ? null : campaign.id))}
              onStart={() => void start(campaign)}
            />
          ))}
        </View>
      )}
    </View>
  );
}

interface CampaignCardProps {
  campaign: WorkerCampaignView;
  expanded: boolean;
  starting: boolean;
  onToggle: () => void;
  onStart: () => void;
}

function CampaignCard({ campaign, expanded, starting, onToggle, onStart }: CampaignCardProps) {
  const { openAttemptId, attemptsLeftToday, bestScore } = campaign;
  const resume = () => {
    if (openAttemptId !== null) void Taro.navigateTo({ url: pageUrl(ROUTES.quizAnswer, { attemptId: openAttemptId }) });
  };

  return (
    <View className='card quiz-campaign'>
      <View className='quiz-campaign__body' role='button' aria-expanded={expanded} onClick={onToggle}>
        <Text className='quiz-campaign__title'>{campaign.title}</Text>
        <Text className='muted'>{formatShanghaiDateTime(campaign.endsAt)} 截止</Text>
        <Text className='muted'>
          共 {campaign.questionCount} 题 · {timeLabel(campaign)} · 及格 {campaign.passScore} 分
        </Text>
        <View className='quiz-campaign__stats'>
          <Text className='quiz-campaign__stat'>今日剩余 {attemptsLeftToday} 次</Text>
          <Text className='quiz-campaign__stat'>最高分 {bestScore ?? '—'}</Text>
        </View>
        <Text className='quiz-campaign__toggle'>{expanded ? '收起规则 ▴' : '查看规则 ▾'}</Text>
        {expanded && <Text className='quiz-campaign__rules'>{campaign.rules || '暂无规则说明'}</Text>}
        {expanded && <Text className='quiz-campaign__rules'>{timeRule(campaign)}</Text>}
      </View>
      <View className='quiz-campaign__actions'>
        <Button
          size='small'
          fill='outline'
          onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.quizLeaderboard, { campaignId: campaign.id }) })}
        >
          排行榜
        </Button>
        {openAttemptId !== null ? (
          <Button size='small' type='primary' onClick={resume}>
            继续答题
          </Button>
        ) : attemptsLeftToday > 0 ? (
          <Button size='small' type='primary' loading={starting} disabled={starting} onClick={onStart}>
            开始答题
          </Button>
        ) : (
          <Button size='small' type='primary' disabled>
            今日次数已用完
          </Button>
        )}
      </View>
    </View>
  );
}

/** The rules as the confirm dialog shows them before an attempt starts. */
function rulesSummary(campaign: WorkerCampaignView): string {
  const limits =
    `共 ${campaign.questionCount} 题，${timeRule(campaign)}及格 ${campaign.passScore} 分；` +
    `今日还可答 ${campaign.attemptsLeftToday} 次。` +
    (campaign.secondsPerAttempt === null ? '活动结束前交卷即可。' : '计时开始后离开也不会暂停，时间到自动交卷。');
  return campaign.rules ? `${campaign.rules}\n\n${limits}` : limits;
}

/** The time this worker gets: the campaign's limit, ×1.5 in 长辈模式 (as the API sets the deadline), or 不限时. */
function timeLabel(campaign: WorkerCampaignView): string {
  const seconds = attemptTimeLimit({ secondsPerAttempt: campaign.secondsPerAttempt, careMode: isCareMode() });
  return seconds === null ? '不限时' : `限时 ${formatDuration(seconds)}`;
}

function timeRule(campaign: WorkerCampaignView): string {
  return timeLimitRule({ secondsPerAttempt: campaign.secondsPerAttempt, careMode: isCareMode() });
}
