import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PastCampaignView } from '@jingcai/shared';
import LoadMore from '../../../../components/load-more';
import StatusView from '../../../../components/status-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { formatShanghaiDate } from '../../../../format';
import { pageUrl, ROUTES } from '../../../../routes';
import { pastCampaigns } from '../../../../services/quiz';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/quiz.css';
import './index.css';

/** 往期活动: campaigns of my audience that are over, with their final figures, mine, and their leaderboards. */
export default function PastCampaignsPage() {
  const past = usePagedList(pastCampaigns, (campaign) => campaign.id, { pullDownRefresh: true });

  if (past.status !== 'ready') {
    return (
      <View className={pageClass('page quiz-past')}>
        <StatusView status={past.status === 'error' ? 'error' : 'loading'} onRetry={past.retry} />
      </View>
    );
  }
  return (
    <View className={pageClass('page quiz-past')}>
      {past.items.length === 0 ? (
        <StatusView status='empty' message='还没有已结束的答题活动' />
      ) : (
        <View className='quiz-past__list'>
          {past.items.map((campaign) => (
            <PastCard key={campaign.id} campaign={campaign} />
          ))}
          <LoadMore hasMore={past.hasMore} loading={past.loadingMore} onLoadMore={() => void past.loadMore()} endText='没有更多活动了' />
        </View>
      )}
    </View>
  );
}

function PastCard({ campaign }: { campaign: PastCampaignView }) {
  const { myBestScore, myCertificateSerial } = campaign;
  const mine =
    myBestScore === null
      ? '我未参加'
      : `我的最好成绩 ${myBestScore} 分${myBestScore >= campaign.passScore ? '（及格）' : ''}`;
  return (
    <View className='card quiz-past__card'>
      <Text className='quiz-past__title'>{campaign.title}</Text>
      <Text className='muted'>
        {formatShanghaiDate(campaign.startsAt)} — {formatShanghaiDate(campaign.endsAt)} · 已结束
      </Text>
      <Text className='muted'>
        共 {campaign.questionCount} 题 · 及格 {campaign.passScore} 分 · {campaign.participants} 人参加
      </Text>
      <Text className='quiz-past__mine'>{mine}</Text>
      <View className='quiz-past__actions'>
        <Button
          size='small'
          fill='outline'
          aria-label={`「${campaign.title}」的排行榜`}
          onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.quizLeaderboard, { campaignId: campaign.id }) })}
        >
          排行榜
        </Button>
        {myCertificateSerial && (
          <Button
            size='small'
            type='primary'
            aria-label={`查看「${campaign.title}」的证书`}
            onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.quizCertificate, { serial: myCertificateSerial }) })}
          >
            查看证书
          </Button>
        )}
      </View>
    </View>
  );
}
