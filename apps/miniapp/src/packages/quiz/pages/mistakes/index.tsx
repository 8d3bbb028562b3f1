import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { QUESTION_TYPE_LABELS, type MistakeView, type OptionKey, type PracticeResultView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDate } from '../../../../format';
import { myMistakes, practiceMistake } from '../../../../services/quiz';
import OptionList from '../../components/option-list';
import { choiceLabel, toggleChoice } from '../../quiz-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/quiz.css';
import './index.css';

type ListStatus = 'loading' | 'ready' | 'error';

/** 错题本: the questions the worker got wrong, each to answer again until it is right. */
export default function MistakesPage() {
  const [mistakes, setMistakes] = useState<MistakeView[]>([]);
  const [status, setStatus] = useState<ListStatus>('loading');

  const load = useCallback(async () => {
    try {
      setMistakes(await myMistakes());
      setStatus('ready');
    } catch {
      setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, []);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const remove = (questionId: number) => setMistakes((current) => current.filter((mistake) => mistake.question.id !== questionId));

  if (status !== 'ready') {
    return (
      <View className={pageClass('page quiz-mistakes')}>
        <StatusView
          status={status}
          onRetry={() => {
            setStatus('loading');
            void load();
          }}
        />
      </View>
    );
  }

  return (
    <View className={pageClass('page quiz-mistakes')}>
      {mistakes.length === 0 ? (
        <StatusView status='empty' message='错题本是空的，继续保持' />
      ) : (
        <View className='quiz-mistakes__list'>
          <Text className='muted'>共 {mistakes.length} 道错题，答对后自动移出</Text>
          {mistakes.map((mistake) => (
            <MistakeCard key={mistake.question.id} mistake={mistake} onRemoved={() => remove(mistake.question.id)} />
          ))}
        </View>
      )}
    </View>
  );
}

function MistakeCard({ mistake, onRemoved }: { mistake: MistakeView; onRemoved: () => void }) {
  const { question } = mistake;
  const [practising, setPractising] = useState(false);
  const [choice, setChoice] = useState<OptionKey[]>([]);
  const [outcome, setOutcome] = useState<PracticeResultView | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    if (submitting || choice.length === 0) return;
    setSubmitting(true);
    try {
      setOutcome(await practiceMistake(question.id, choice));
    } catch {
      // The toast says why; the choice stays for another try.
    } finally {
      setSubmitting(false);
    }
  };

  const again = () => {
    setOutcome(null);
    setChoice([]);
  };

  return (
    <View className='card quiz-mistake'>
      <View className='quiz-mistake__heading'>
        <Text className='quiz-type'>{QUESTION_TYPE_LABELS[question.type]}</Text>
        <Text className='muted'>
          答错 {mistake.wrongCount} 次 · 最近 {formatShanghaiDate(mistake.lastWrongAt)}
        </Text>
      </View>
      <Text className='quiz-stem'>{question.stem}</Text>

      {!practising ? (
        <Button size='small' type='primary' fill='outline' onClick={() => setPractising(true)}>
          练一练
        </Button>
      ) : (
        <>
          <OptionList
            question={question}
            choice={choice}
            disabled={outcome !== null || submitting}
            onToggle={(key) => setChoice(toggleChoice(question.type, choice, key))}
          />
          {outcome === null ? (
            <Button
              className='quiz-mistake__submit'
              size='small'
              type='primary'
              loading={submitting}
              disabled={choice.length === 0 || submitting}
              onClick={() => void submit()}
            >
              提交答案
            </Button>
          ) : (
            <View className='quiz-mistake__outcome'>
              <Text className={`quiz-verdict ${outcome.correct ? 'quiz-verdict--right' : 'quiz-verdict--wrong'}`}>
                {outcome.correct ? '回答正确' : '回答错误'}
              </Text>
              <Text className='quiz-review__line'>正确答案：{choiceLabel(question, outcome.answer)}</Text>
              {outcome.explanation && <Text className='quiz-explanation'>解析：{outcome.explanation}</Text>}
              {outcome.removed ? (
                <Button size='small' type='primary' onClick={onRemoved}>
                  已移出错题本，知道了
                </Button>
              ) : (
                <Button size='small' type='primary' fill='outline' onClick={again}>
                  再练一次
                </Button>
              )}
            </View>
          )}
        </>
      )}
    </View>
  );
}
