import { Text, View } from '@tarojs/components';

export const RATING_LABELS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const;

const STARS = [1, 2, 3, 4, 5] as const;

interface RatingStarsProps {
  value: number;
  /** Leave out to show a rating that cannot be changed. */
  onChange?: (rating: number) => void;
}

/**
 * One to five stars: five radios, each named by its words, when choosing a rating; plain stars when showing
 * one. A filled ★ and a hollow ☆ differ in shape, not only in colour, and the words follow.
 */
export default function RatingStars({ value, onChange }: RatingStarsProps) {
  const starClass = (star: number) => `legal-star${star <= value ? ' legal-star--on' : ''}`;
  const glyph = (star: number) => (star <= value ? '★' : '☆');
  return (
    <View
      className={`legal-stars${onChange ? ' legal-stars--editable' : ''}`}
      role={onChange ? 'radiogroup' : undefined}
      aria-label={onChange ? '评分' : undefined}
    >
      {STARS.map((star) =>
        onChange ? (
          <Text
            key={star}
            className={`jc-tap ${starClass(star)}`}
            role='radio'
            aria-checked={star === value}
            aria-label={`${star} 星，${RATING_LABELS[star]}`}
            onClick={() => onChange(star)}
          >
            {glyph(star)}
          </Text>
        ) : (
          <Text key={star} className={starClass(star)}>
            {glyph(star)}
          </Text>
        ),
      )}
      {value > 0 && <Text className='legal-stars__label'>{RATING_LABELS[value]}</Text>}
    </View>
  );
}
