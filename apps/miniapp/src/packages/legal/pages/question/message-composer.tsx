import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorCode, LEGAL_QUESTION_MAX_PHOTOS, type LegalMessageView } from '@jingcai/shared';
import { isLegalError, postLegalMessage, uploadLegalPhoto } from '../../../../services/legal';
import PhotoPicker, { type PickedPhoto } from '../../../../components/photo-picker';
import { LEGAL_LIMITS, textLength } from '../../legal-format';

interface MessageComposerProps {
  questionId: number;
  /** The asker's follow-up, or the assignee's answer. */
  mode: 'follow-up' | 'answer';
  onSent: (message: LegalMessageView) => void;
  /** The question was closed meanwhile (409): the page shows it as it now stands. */
  onClosedMeanwhile: () => void;
}

/** Writes into the thread: text and photos, kept as they are when sending fails. */
export default function MessageComposer({ questionId, mode, onSent, onClosedMeanwhile }: MessageComposerProps) {
  const [body, setBody] = useState('');
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [uploading, setUploading] = useState(false);
  const [sending, setSending] = useState(false);
  const answer = mode === 'answer';

  const send = async () => {
    if (sending || uploading) return;
    const length = textLength(body);
    if (length === 0 || length > LEGAL_LIMITS.messageMax) {
      const title = length === 0 ? (answer ? '请填写解答内容' : '请填写追问内容') : `内容不能超过 ${LEGAL_LIMITS.messageMax} 字`;
      void Taro.showToast({ title, icon: 'none' });
      return;
    }
    setSending(true);
    try {
      const message = await postLegalMessage(questionId, {
        body: body.trim(),
        ...(photos.length ? { photoIds: photos.map((photo) => photo.id) } : {}),
      });
      setBody('');
      setPhotos([]);
      onSent(message);
    } catch (error) {
      // The toast has said why; a question closed meanwhile is shown closed.
      if (isLegalError(error, ErrorCode.QuestionClosed)) onClosedMeanwhile();
    } finally {
      setSending(false);
    }
  };

  return (
    <View className='card legal-composer'>
      <Text className='legal-label'>{answer ? '解答' : '继续追问'}</Text>
      <Textarea
        className='legal-textarea legal-composer__input'
        placeholder={answer ? '输入解答内容，职工会收到回复提醒' : '继续追问或补充说明…'}
        maxlength={LEGAL_LIMITS.messageMax}
        value={body}
        onInput={(event) => setBody(event.detail.value)}
      />
      <PhotoPicker
        upload={uploadLegalPhoto}
        value={photos}
        max={LEGAL_QUESTION_MAX_PHOTOS}
        onAdd={(added) => setPhotos((current) => [...current, ...added])}
        onRemove={(id) => setPhotos((current) => current.filter((photo) => photo.id !== id))}
        onUploadingChange={setUploading}
      />
      <Button
        className='legal-composer__send'
        block
        type='primary'
        loading={sending}
        disabled={sending || uploading}
        onClick={() => void send()}
      >
        {answer ? '发送解答' : '发送'}
      </Button>
    </View>
  );
}
