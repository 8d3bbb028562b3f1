import { Text, View } from '@tarojs/components';
import type { LegalMessageView } from '@jingcai/shared';
import { formatShanghaiDateTime } from '../../../../format';
import PhotoStrip from '../../components/photo-strip';
import { isOwnSide, type QuestionViewer } from '../../legal-format';

/**
 * The conversation, oldest first: the viewer's side on the right (the asker's own messages, or for the
 * union the answers), the other side on the left under its author's name.
 */
export default function QuestionThread({ messages, viewer }: { messages: readonly LegalMessageView[]; viewer: QuestionViewer }) {
  return (
    <View className='legal-thread'>
      {messages.map((message) => {
        const own = isOwnSide(message, viewer);
        const side = own ? 'legal-message--own' : 'legal-message--theirs';
        return (
          <View key={message.id} className={`legal-message ${side} legal-message--${message.authorRole}`}>
            {!own && <Text className='legal-message__author'>{message.authorName}</Text>}
            <View className='legal-message__bubble'>
              <Text className='legal-message__body'>{message.body}</Text>
              <PhotoStrip photos={message.photos} />
            </View>
            <Text className='legal-message__time'>{formatShanghaiDateTime(message.createdAt)}</Text>
          </View>
        );
      })}
    </View>
  );
}
