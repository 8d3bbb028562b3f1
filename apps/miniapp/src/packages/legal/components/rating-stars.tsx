import { Text, View } from '@tarojs/components';

export const RATING_LABELS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const;

interface RatingStarsProps {
  value: number;
  /** Leave out to show a rating that cannot be changed. */
  onChange?: (rating: number) => void;
}

/** One to five stars: tappable when choosing a rating, plain when showing one. */
export default function RatingStars({ value, onChange }: RatingStarsProps) {
  return (
    <View className={`legal-stars${onChange ? ' legal-stars--editable' : ''}`}>
      {[1, 2, 3, 4, 5].map((star) => (
        <Text
          key={star}
          className={`legal-star${star <= value ? ' legal-star--on' : ''}`}
          onClick={onChange ? () => onChange(star) : undefined}
        >
          {star <= value ? '★' : '☆'}
        </Text>
      ))}
      {value > 0 && <Text className='legal-stars__label'>{RATING_LABELS[value]}</Text>}
    </View>
  );
}
