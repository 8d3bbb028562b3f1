import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { QUESTION_TYPE_LABELS, type ReviewedQuestion, type WorkerCampaignView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { useRequest } from '../../../../hooks/use-request';
import { pageUrl, ROUTES } from '../../../../routes';
import { attemptResult, quizCampaigns } from '../../../../services/quiz';
import { choiceLabel, formatDuration, optionsOf } from '../../quiz-format';
import { openNewAttempt } from '../../start-attempt';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/quiz.css';
import './index.css';

/** An attempt's score, then every question with the worker's choice, the right answer and why. */
export default function ResultPage() {
  const { params } = useRouter();
  const attemptId = Number(params.attemptId);
  const fetchResult = useCallback(() => attemptResult(attemptId), [attemptId]);
  const { data: result, status, retry: retryLoad } = useRequest(fetchResult);
  // For the pass score and 再答一次: absent when the campaign has closed or could not be had.
  const [campaign, setCampaign] = useState<WorkerCampaignView | null>(null);
  const [restarting, setRestarting] = useState(false);

  const campaignId = result?.campaignId;
  useEffect(() => {
    if (campaignId === undefined) return;
    quizCampaigns()
      .catch(() => [])
      .then((open) => setCampaign(open.find((candidate) => candidate.id === campaignId) ?? null))
      .catch(() => undefined);
  }, [campaignId]);

  if (status !== 'ready' || !result) {
    return (
      <View className={pageClass('page quiz-result')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retryLoad} />
      </View>
    );
  }

  const retry = async () => {
    if (restarting) return;
    setRestarting(true);
    await openNewAttempt(result.campaignId, { replace: true });
    setRestarting(false);
  };

  const canRetry = campaign !== null && (campaign.attemptsLeftToday > 0 || campaign.openAttemptId !== null);
  return (
    <View className={pageClass('page quiz-result')}>
      <View className='card quiz-result__summary'>
        <Text className='quiz-result__score'>{result.score} 分</Text>
        <Text className={`quiz-result__verdict${result.passed ? ' quiz-result__verdict--passed' : ''}`}>
          {result.passed ? '通过' : '未通过'}
        </Text>
        {campaign && <Text className='muted'>及格分 {campaign.passScore} 分</Text>}
        {result.late && <Text className='quiz-result__late'>超时提交，本次计 0 分</Text>}
        <View className='quiz-result__stats'>
          <Text>
            答对 {result.correctCount} / {result.questionCount} 题
          </Text>
          <Text>用时 {formatDuration(result.durationSeconds)}</Text>
        </View>
      </View>

      <View className='quiz-result__actions'>
        <Button
          type='primary'
          fill='outline'
          onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.quizLeaderboard, { campaignId: result.campaignId }) })}
        >
          排行榜
        </Button>
        <Button type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: ROUTES.quizMistakes })}>
          错题本
        </Button>
        {result.certificateSerial && (
          <Button
            type='primary'
            onClick={() =>
              void Taro.navigateTo({ url: pageUrl(ROUTES.quizCertificate, { serial: result.certificateSerial ?? '' }) })
            }
          >
            查看证书
          </Button>
        )}
        {canRetry && (
          <Button type='primary' loading={restarting} disabled={restarting} onClick={() => void retry()}>
            再答一次
          </Button>
        )}
      </View>

      <Text className='section-title'>答题解析</Text>
      <View className='quiz-result__review'>
        {result.review.map((question, position) => (
          <ReviewCard key={question.id} question={question} position={position} />
        ))}
      </View>
    </View>
  );
}

function ReviewCard({ question, position }: { question: ReviewedQuestion; position: number }) {
  return (
    <View className={`card quiz-review${question.correct ? '' : ' quiz-review--wrong'}`}>
      <View className='quiz-review__heading'>
        <Text className='quiz-review__number'>第 {position + 1} 题</Text>
        <Text className='quiz-type'>{QUESTION_TYPE_LABELS[question.type]}</Text>
        <Text className={`quiz-verdict ${question.correct ? 'quiz-verdict--right' : 'quiz-verdict--wrong'}`}>
          {question.correct ? '回答正确' : '回答错误'}
        </Text>
      </View>
      <Text className='quiz-stem'>{question.stem}</Text>
      <View className='quiz-review__options'>
        {optionsOf(question).map((option) => (
          <Text
            key={option.key}
            className={`quiz-review__option${question.answer.includes(option.key) ? ' quiz-review__option--answer' : ''}`}
          >
            {option.key}. {option.text}
          </Text>
        ))}
      </View>
      <Text className='quiz-review__line'>你的答案：{choiceLabel(question, question.choice)}</Text>
      <Text className='quiz-review__line'>正确答案：{choiceLabel(question, question.answer)}</Text>
      {question.explanation && <Text className='quiz-explanation'>解析：{question.explanation}</Text>}
    </View>
  );
}
