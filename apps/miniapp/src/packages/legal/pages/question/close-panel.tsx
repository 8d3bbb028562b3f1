import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorCode, type LegalQuestionView } from '@jingcai/shared';
import { closeQuestion, isLegalError } from '../../../../services/legal';
import RatingStars from '../../components/rating-stars';
import { LEGAL_LIMITS } from '../../legal-format';

interface ClosePanelProps {
  questionId: number;
  onClosed: (question: LegalQuestionView) => void;
  /** Refused (409: not answered, or closed already): the page shows the question as it now stands. */
  onRefused: () => void;
  onCancel: () => void;
}

/** 结束咨询并评价: one to five stars and an optional comment. */
export default function ClosePanel({ questionId, onClosed, onRefused, onCancel }: ClosePanelProps) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [closing, setClosing] = useState(false);

  const submit = async () => {
    if (closing) return;
    if (rating === 0) {
      void Taro.showToast({ title: '请为本次解答打分', icon: 'none' });
      return;
    }
    setClosing(true);
    try {
      const closed = await closeQuestion(questionId, { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      void Taro.showToast({ title: '感谢您的评价', icon: 'success' });
      onClosed(closed);
    } catch (error) {
      if (isLegalError(error, ErrorCode.QuestionClosed) || isLegalError(error, ErrorCode.QuestionNotAnswered)) onRefused();
    } finally {
      setClosing(false);
    }
  };

  return (
    <View className='card legal-close'>
      <Text className='legal-label'>问题解决了吗？请为本次解答评分</Text>
      <RatingStars value={rating} onChange={setRating} />
      <Textarea
        className='legal-textarea legal-close__comment'
        placeholder='说说您的感受（选填）'
        maxlength={LEGAL_LIMITS.commentMax}
        value={comment}
        onInput={(event) => setComment(event.detail.value)}
      />
      <Text className='muted'>结束后不能再追问；如有新问题，可以重新咨询。</Text>
      <View className='legal-close__actions'>
        <Button fill='outline' onClick={onCancel}>
          再想想
        </Button>
        <Button type='primary' loading={closing} disabled={closing} onClick={() => void submit()}>
          提交评价
        </Button>
      </View>
    </View>
  );
}
