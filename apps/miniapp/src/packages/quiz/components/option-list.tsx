import { Text, View } from '@tarojs/components';
import { QuestionType, type AttemptQuestion, type OptionKey } from '@jingcai/shared';
import Choice from '../../../components/choice';
import { optionsOf } from '../quiz-format';
import './quiz.css';

interface OptionListProps {
  question: Pick<AttemptQuestion, 'type' | 'options'>;
  choice: readonly OptionKey[];
  disabled?: boolean;
  onToggle: (key: OptionKey) => void;
}

/**
 * A question's options to tap: radios with round marks for single and judge questions, checkboxes with square
 * ones for multiple.
 */
export default function OptionList({ question, choice, disabled = false, onToggle }: OptionListProps) {
  const multiple = question.type === QuestionType.Multiple;
  return (
    <View className={`quiz-options${disabled ? ' quiz-options--disabled' : ''}`} role={multiple ? 'group' : 'radiogroup'}>
      {optionsOf(question).map((option) => (
        <Choice
          key={option.key}
          role={multiple ? 'checkbox' : 'radio'}
          className='quiz-option'
          selectedClassName='quiz-option--selected'
          selected={choice.includes(option.key)}
          disabled={disabled}
          onSelect={() => onToggle(option.key)}
        >
          <Text className={`quiz-option__mark${multiple ? ' quiz-option__mark--square' : ''}`}>{option.key}</Text>
          <Text className='quiz-option__text'>{option.text}</Text>
        </Choice>
      ))}
    </View>
  );
}
