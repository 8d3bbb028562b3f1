import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CertificateView, MyAttemptView } from '@jingcai/shared';
import LoadMore from '../../../../components/load-more';
import StatusView from '../../../../components/status-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useRequest } from '../../../../hooks/use-request';
import { formatShanghaiDate, formatShanghaiDateTime } from '../../../../format';
import { pageUrl, ROUTES } from '../../../../routes';
import { myAttempts, myCertificates } from '../../../../services/quiz';
import { formatDuration } from '../../quiz-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/quiz.css';
import './index.css';

const openCertificate = (serial: string) => void Taro.navigateTo({ url: pageUrl(ROUTES.quizCertificate, { serial }) });

/** 我的答题: the certificates I earned, and every attempt I submitted in any campaign, newest first. */
export default function MyQuizPage() {
  const certificates = useRequest(myCertificates, { pullDownRefresh: true });
  const attempts = usePagedList(myAttempts, (attempt) => attempt.attemptId, { pullDownRefresh: true });

  return (
    <View className={pageClass('page quiz-mine')}>
      <Text className='section-title'>我的证书</Text>
      {certificates.status !== 'ready' || !certificates.data ? (
        <StatusView status={certificates.status === 'error' ? 'error' : 'loading'} onRetry={certificates.retry} />
      ) : certificates.data.length === 0 ? (
        <StatusView status='empty' message='答题及格即可获得电子证书' />
      ) : (
        <View className='quiz-mine__list'>
          {certificates.data.map((certificate) => (
            <CertificateCard key={certificate.serial} certificate={certificate} />
          ))}
        </View>
      )}

      <Text className='section-title'>答题记录</Text>
      {attempts.status !== 'ready' ? (
        <StatusView status={attempts.status === 'error' ? 'error' : 'loading'} onRetry={attempts.retry} />
      ) : attempts.items.length === 0 ? (
        <StatusView status='empty' message='还没有答题记录，去参加一场答题吧' />
      ) : (
        <View className='quiz-mine__list'>
          {attempts.items.map((attempt) => (
            <AttemptCard key={attempt.attemptId} attempt={attempt} />
          ))}
          <LoadMore
            hasMore={attempts.hasMore}
            loading={attempts.loadingMore}
            onLoadMore={() => void attempts.loadMore()}
            endText='没有更多记录了'
          />
        </View>
      )}
    </View>
  );
}

function CertificateCard({ certificate }: { certificate: CertificateView }) {
  return (
    <View className='card quiz-mine__certificate'>
      <View className='quiz-mine__text'>
        <Text className='quiz-mine__title'>{certificate.campaignTitle}</Text>
        <Text className='muted'>
          {certificate.score} 分 · {formatShanghaiDate(certificate.issuedAt)} 颁发
        </Text>
      </View>
      <Button size='small' type='primary' fill='outline' aria-label={`查看「${certificate.campaignTitle}」的证书`} onClick={() => openCertificate(certificate.serial)}>
        查看证书
      </Button>
    </View>
  );
}

function AttemptCard({ attempt }: { attempt: MyAttemptView }) {
  const { campaign, certificateSerial } = attempt;
  const verdict = attempt.late ? '超时交卷' : attempt.passed ? '及格' : '未及格';
  return (
    <View className='card quiz-mine__attempt'>
      <View className='quiz-mine__heading'>
        <Text className='quiz-mine__title'>{campaign.title}</Text>
        <Text className={`quiz-mine__score${attempt.passed ? ' quiz-mine__score--passed' : ''}`}>{attempt.score} 分</Text>
      </View>
      <Text className='muted'>
        {verdict} · 答对 {attempt.correctCount}/{attempt.questionCount} 题 · 用时 {formatDuration(attempt.durationSeconds)}
      </Text>
      <Text className='muted'>{formatShanghaiDateTime(attempt.submittedAt)} 交卷</Text>
      <View className='quiz-mine__actions'>
        <Button
          size='small'
          fill='outline'
          aria-label={`查看「${campaign.title}」${formatShanghaiDateTime(attempt.submittedAt)}的答题解析`}
          onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.quizResult, { attemptId: attempt.attemptId }) })}
        >
          查看解析
        </Button>
        {certificateSerial && (
          <Button
            size='small'
            type='primary'
            aria-label={`查看「${campaign.title}」的证书`}
            onClick={() => openCertificate(certificateSerial)}
          >
            查看证书
          </Button>
        )}
      </View>
    </View>
  );
}
