import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorCode, QUESTION_TYPE_LABELS, QuestionType, type AttemptView, type OptionKey, type SubmitAnswer } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { useRequest } from '../../../../hooks/use-request';
import { pageUrl, ROUTES } from '../../../../routes';
import { attemptById, submitAttempt } from '../../../../services/quiz';
import { clearDraft, loadDraft, saveDraft, takeHandedOver, type Answers } from '../../attempt-draft';
import OptionList from '../../components/option-list';
import { countdownAnnouncement, formatClock, toggleChoice } from '../../quiz-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/quiz.css';
import './index.css';

/** Handed in already (another phone, or the timer before a reload): its result is what is left. */
const HANDED_IN = [ErrorCode.AttemptSubmitted];

/** Often enough that the seconds shown never lag by more than a quarter of one. */
const TICK_MS = 250;
/** The countdown turns red for the last seconds. */
const URGENT_MS = 10_000;

/**
 * One attempt, one question per screen, against a countdown to the server's deadline. The phone's clock
 * may be wrong, so the page keeps the server's time as an offset learnt when the attempt was fetched; at
 * zero it hands in what has been answered, once, and shows the result.
 */
export default function AnswerPage() {
  const { params } = useRouter();
  const attemptId = Number(params.attemptId);
  const [answers, setAnswers] = useState<Answers>({});
  const [index, setIndex] = useState(0);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const [submitting, setSubmitting] = useState(false);
  const [submitFailed, setSubmitFailed] = useState(false);
  // Refs, not state: the guards must hold between two renders (a tap and the timer in the same tick).
  const answersRef = useRef<Answers>({});
  const inFlight = useRef(false);
  const handedIn = useRef(false);
  const autoSubmitted = useRef(false);

  const showResult = useCallback(() => {
    void Taro.redirectTo({ url: pageUrl(ROUTES.quizResult, { attemptId }) });
  }, [attemptId]);

  const load = useCallback(async (): Promise<AttemptView> => {
    const timed = takeHandedOver(attemptId) ?? (await attemptById(attemptId));
    const draft = loadDraft(attemptId);
    // This response's clock, else the one learnt when the attempt started on this phone, else the phone's.
    const offset = timed.clockOffsetMs ?? draft.clockOffsetMs ?? 0;
    const known = new Set(timed.attempt.questions.map((question) => question.id));
    const kept = Object.fromEntries(Object.entries(draft.answers).filter(([id]) => known.has(Number(id))));
    saveDraft(attemptId, { answers: kept, clockOffsetMs: offset });
    answersRef.current = kept;
    setAnswers(kept);
    setClockOffsetMs(offset);
    setNow(Date.now());
    return timed.attempt;
  }, [attemptId]);
  const { data: attempt, status, retry } = useRequest(load, { missingOn: HANDED_IN });

  useEffect(() => {
    if (status === 'missing') showResult();
  }, [status, showResult]);

  useEffect(() => {
    if (!attempt?.deadline) return undefined;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [attempt]);

  const submit = useCallback(async () => {
    if (inFlight.current || handedIn.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setSubmitFailed(false);
    try {
      await submitAttempt(attemptId, toSubmitAnswers(answersRef.current));
      handedIn.current = true;
      clearDraft(attemptId);
      showResult();
    } catch {
      setSubmitFailed(true);
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }, [attemptId, showResult]);

  // Untimed campaign (no deadline): no countdown, nothing handed in by a timer.
  const remainingMs =
    attempt?.deadline ? Date.parse(attempt.deadline) - (now + clockOffsetMs) : Number.POSITIVE_INFINITY;
  const timeUp = remainingMs <= 0;

  useEffect(() => {
    if (!timeUp || autoSubmitted.current) return;
    // Once: should it fail, the worker retries by hand rather than the timer hammering the API.
    autoSubmitted.current = true;
    void submit();
  }, [timeUp, submit]);

  if (status !== 'ready' || !attempt) {
    return (
      <View className={pageClass('page quiz-answer')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }

  const { questions } = attempt;
  if (questions.length === 0) {
    return (
      <View className={pageClass('page quiz-answer')}>
        <StatusView status='empty' message='本次答题没有题目' />
      </View>
    );
  }

  const question = questions[Math.min(index, questions.length - 1)];
  const choice = answers[question.id] ?? [];
  const answeredCount = questions.filter((candidate) => (answers[candidate.id]?.length ?? 0) > 0).length;
  const isLast = index >= questions.length - 1;
  const locked = timeUp || submitting;

  const choose = (key: OptionKey) => {
    const next = { ...answersRef.current, [question.id]: toggleChoice(question.type, choice, key) };
    answersRef.current = next;
    setAnswers(next);
    saveDraft(attemptId, { answers: next, clockOffsetMs });
  };

  const confirmAndSubmit = async () => {
    if (locked) return;
    const unanswered = questions.length - answeredCount;
    if (unanswered > 0) {
      const { confirm } = await Taro.showModal({
        title: '确认交卷',
        content: `还有 ${unanswered} 题未作答，交卷后不能修改。确定交卷吗？`,
        confirmText: '交卷',
        cancelText: '继续答题',
      });
      if (!confirm) return;
    }
    await submit();
  };

  return (
    <View className={pageClass('page quiz-answer')}>
      <View className='quiz-answer__bar'>
        <Text className='quiz-answer__progress'>
          {index + 1} / {questions.length}
        </Text>
        {attempt.deadline === null ? (
          <Text className='quiz-answer__countdown'>不限时</Text>
        ) : (
          <>
            <Text className={`quiz-answer__countdown${remainingMs <= URGENT_MS ? ' quiz-answer__countdown--urgent' : ''}`}>
              {timeUp ? '时间到' : `剩余 ${formatClock(remainingMs)}`}
            </Text>
            <Text className='sr-only' aria-live='polite'>
              {countdownAnnouncement(remainingMs)}
            </Text>
          </>
        )}
      </View>

      <View className='card quiz-answer__question'>
        <View className='quiz-answer__heading'>
          <Text className='quiz-type'>{QUESTION_TYPE_LABELS[question.type]}</Text>
          {question.type === QuestionType.Multiple && <Text className='muted'>可多选</Text>}
        </View>
        <Text className='quiz-stem'>{question.stem}</Text>
        <OptionList question={question} choice={choice} disabled={locked} onToggle={choose} />
      </View>

      {(timeUp || submitting || submitFailed) && (
        <View className='quiz-answer__notice'>
          {submitFailed ? (
            <>
              <Text>交卷失败，请检查网络后重试</Text>
              <Button size='small' type='primary' onClick={() => void submit()}>
                重新交卷
              </Button>
            </>
          ) : (
            <Text>{timeUp ? '时间到，正在自动交卷…' : '正在交卷…'}</Text>
          )}
        </View>
      )}

      <View className='quiz-answer__nav'>
        <Button className='quiz-answer__nav-button' disabled={index === 0} onClick={() => setIndex(index - 1)}>
          上一题
        </Button>
        {isLast ? (
          <Button
            className='quiz-answer__nav-button'
            type='primary'
            loading={submitting}
            disabled={locked}
            onClick={() => void confirmAndSubmit()}
          >
            提交
          </Button>
        ) : (
          <Button className='quiz-answer__nav-button' type='primary' onClick={() => setIndex(index + 1)}>
            下一题
          </Button>
        )}
      </View>

      <View className='card quiz-sheet'>
        <View className='quiz-sheet__heading'>
          <Text className='quiz-sheet__title'>答题卡</Text>
          <Text className='muted'>
            已答 {answeredCount} / {questions.length}
          </Text>
        </View>
        <View className='quiz-sheet__grid'>
          {questions.map((candidate, position) => {
            const answered = (answers[candidate.id]?.length ?? 0) > 0;
            const current = position === index;
            return (
              <Text
                key={candidate.id}
                className={`jc-tap quiz-sheet__cell${answered ? ' jc-ticked quiz-sheet__cell--answered' : ''}${current ? ' quiz-sheet__cell--current' : ''}`}
                role='button'
                aria-label={`第 ${position + 1} 题，${answered ? '已答' : '未答'}`}
                aria-current={current ? 'step' : undefined}
                onClick={() => setIndex(position)}
              >
                {position + 1}
              </Text>
            );
          })}
        </View>
        {!isLast && (
          <Button block fill='outline' type='primary' disabled={locked} onClick={() => void confirmAndSubmit()}>
            交卷
          </Button>
        )}
      </View>
    </View>
  );
}

/** What was answered, in the questions' order; questions left blank are left out. */
function toSubmitAnswers(answers: Answers): SubmitAnswer[] {
  return Object.entries(answers)
    .filter(([, choice]) => choice.length > 0)
    .map(([questionId, choice]) => ({ questionId: Number(questionId), choice }));
}
