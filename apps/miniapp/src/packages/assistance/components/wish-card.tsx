import { Text, View } from '@tarojs/components';
import { WALL_STATUS_LABELS, type WishWallItem } from '@jingcai/shared';
import './assistance.css';

interface Props {
  wish: WishWallItem;
  onOpen?: () => void;
  /** The whole story (a wish's page) rather than its first lines (the wall). */
  full?: boolean;
}

/** A wish as the wall shows it: the family's surname only, the street, the wish, the story, its badge. */
export default function WishCard({ wish, onOpen, full = false }: Props) {
  const badge = WALL_STATUS_LABELS[wish.status];
  return (
    <View
      className='card assistance-card assistance-wish'
      role={onOpen ? 'button' : undefined}
      onClick={onOpen}
    >
      <View className='assistance-card__heading'>
        <Text className='assistance-card__title assistance-wish__title'>{wish.title}</Text>
        <Text className={`assistance-status assistance-badge assistance-status--${wish.status}`}>{badge}</Text>
      </View>
      <Text className='muted'>
        {wish.maskedName} · {wish.streetName} · <Text className='assistance-wish__amount'>{wish.amountYuan} 元</Text>
      </Text>
      <Text className={full ? 'assistance-wish__story' : 'assistance-wish__story assistance-wish__story--short'}>{wish.story}</Text>
      {wish.donorLabel && <Text className='muted'>认领人：{wish.donorLabel}</Text>}
    </View>
  );
}
