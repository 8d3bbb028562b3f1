import { Text, View } from '@tarojs/components';
import { QuestionType, type AttemptQuestion, type OptionKey } from '@jingcai/shared';
import { optionsOf } from '../quiz-format';
import './quiz.css';

interface OptionListProps {
  question: Pick<AttemptQuestion, 'type' | 'options'>;
  choice: readonly OptionKey[];
  disabled?: boolean;
  onToggle: (key: OptionKey) => void;
}

/** A question's options to tap: round marks for single and judge questions, square ones for multiple. */
export default function OptionList({ question, choice, disabled = false, onToggle }: OptionListProps) {
  const multiple = question.type === QuestionType.Multiple;
  return (
    <View className={`quiz-options${disabled ? ' quiz-options--disabled' : ''}`}>
      {optionsOf(question).map((option) => {
        const selected = choice.includes(option.key);
        return (
          <View
            key={option.key}
            className={`quiz-option${selected ? ' quiz-option--selected' : ''}`}
            onClick={() => {
              if (!disabled) onToggle(option.key);
            }}
          >
            <Text className={`quiz-option__mark${multiple ? ' quiz-option__mark--square' : ''}`}>{option.key}</Text>
            <Text className='quiz-option__text'>{option.text}</Text>
          </View>
        );
      })}
    </View>
  );
}
