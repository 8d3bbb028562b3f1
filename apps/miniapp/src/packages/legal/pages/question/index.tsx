import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  ErrorCode,
  LEGAL_CATEGORY_LABELS,
  LegalQuestionStatus,
  type LegalMessageView,
  type LegalQuestionView,
} from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { useRequest } from '../../../../hooks/use-request';
import { formatShanghaiDateTime } from '../../../../format';
import { questionById } from '../../../../services/legal';
import { fetchMe } from '../../../../services/users';
import { getCurrentUser } from '../../../../services/session';
import QuestionStatus from '../../components/question-status';
import RatingStars from '../../components/rating-stars';
import { hasAnswer, viewerOf } from '../../legal-format';
import ClosePanel from './close-panel';
import MessageComposer from './message-composer';
import QuestionThread from './question-thread';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/legal.css';
import './index.css';

const MISSING = [ErrorCode.NotFound];

/**
 * One question and its thread. The asker follows up while it is open and ends it with a rating once it has
 * an answer; the assignee answers it; other staff in scope read it.
 */
export default function QuestionPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const [closing, setClosing] = useState(false);

  const fetchQuestion = useCallback(async () => {
    // Who is looking decides the layout; the user is usually known already.
    const [question, me] = await Promise.all([questionById(id), getCurrentUser() ?? fetchMe()]);
    return { question, viewer: viewerOf(question, me.id) };
  }, [id]);
  // Again on every show: an answer may have come meanwhile (and opening marks it read).
  const { data, status, retry, reload, setData } = useRequest(fetchQuestion, {
    when: 'show',
    pullDownRefresh: true,
    missingOn: MISSING,
  });

  if (status === 'missing') {
    return (
      <View className={pageClass('page legal-question')}>
        <StatusView status='empty' message='该咨询不存在，或您无权查看' />
      </View>
    );
  }
  if (status !== 'ready' || !data) {
    return (
      <View className={pageClass('page legal-question')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }

  const { question, viewer } = data;
  const closed = question.status === LegalQuestionStatus.Closed;
  const answered = hasAnswer(question);

  // Shown at once, then the question again for its new status (a follow-up re-opens an answered one).
  const sent = (message: LegalMessageView) => {
    setData((current) => ({ ...current, question: { ...current.question, messages: [...current.question.messages, message] } }));
    void reload();
  };

  return (
    <View className={pageClass('page legal-question')}>
      <View className='card legal-question__head'>
        <Text className='legal-question__title'>{question.title}</Text>
        <View className='legal-question__tags'>
          <Text className='legal-category'>{LEGAL_CATEGORY_LABELS[question.category]}</Text>
          <QuestionStatus status={question.status} />
          {viewer !== 'asker' && question.overdue && !closed && <Text className='legal-overdue'>已超期</Text>}
        </View>
        <Text className='muted'>提问时间：{formatShanghaiDateTime(question.createdAt)}</Text>
        {viewer === 'asker' ? (
          <AskerFacts question={question} />
        ) : (
          <AnswererFacts question={question} />
        )}
        {closed && question.rating !== null && (
          <View className='legal-question__rating'>
            <Text className='muted'>评价：</Text>
            <RatingStars value={question.rating} />
            {question.ratingComment && <Text className='legal-question__comment'>{question.ratingComment}</Text>}
          </View>
        )}
      </View>

      <QuestionThread messages={question.messages} viewer={viewer} />

      {closed ? (
        <Text className='muted legal-question__closed'>咨询已结束</Text>
      ) : viewer === 'asker' ? (
        <>
          {answered && !closing && (
            <Button className='legal-question__close' block fill='outline' type='primary' onClick={() => setClosing(true)}>
              结束咨询并评价
            </Button>
          )}
          {closing ? (
            <ClosePanel
              questionId={question.id}
              onClosed={(view) => {
                setData((current) => ({ ...current, question: view }));
                setClosing(false);
              }}
              onRefused={() => {
                setClosing(false);
                void reload();
              }}
              onCancel={() => setClosing(false)}
            />
          ) : (
            <MessageComposer questionId={question.id} mode='follow-up' onSent={sent} onClosedMeanwhile={() => void reload()} />
          )}
        </>
      ) : viewer === 'assignee' ? (
        <MessageComposer questionId={question.id} mode='answer' onSent={sent} onClosedMeanwhile={() => void reload()} />
      ) : (
        <Text className='muted legal-question__closed'>
          {question.assignee ? `本咨询由 ${question.assignee.name} 解答` : '尚未分配解答人，请在管理后台分配'}
        </Text>
      )}
    </View>
  );
}

function AskerFacts({ question }: { question: LegalQuestionView }) {
  return (
    <>
      <Text className='muted'>{question.assignee ? `解答人：${question.assignee.name}` : '正在为您分配律师或工作人员'}</Text>
      {question.publicAllowed && <Text className='muted'>您已同意结束后匿名作为典型案例公开</Text>}
    </>
  );
}

/** What the lawyer or staff need: who asked (the phone only for staff), and when the answer is due. */
function AnswererFacts({ question }: { question: LegalQuestionView }) {
  const { asker } = question;
  return (
    <>
      <Text className='muted'>
        提问人：{asker.name}
        {asker.org ? ` · ${asker.org.name}` : ''}
        {asker.phone ? ` · ${asker.phone}` : ''}
      </Text>
      <Text className='muted'>解答人：{question.assignee?.name ?? '未分配'}</Text>
      {question.dueAt && (
        <Text className={question.overdue ? 'legal-question__due legal-question__due--overdue' : 'muted'}>
          答复期限：{formatShanghaiDateTime(question.dueAt)}
        </Text>
      )}
    </>
  );
}
