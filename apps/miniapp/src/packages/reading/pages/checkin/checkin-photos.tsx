import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { CHECKIN_MAX_PHOTOS } from '@jingcai/shared';
import { choosePhotos, uploadReadingPhoto } from '../../../../services/reading';
import type { CheckinPhoto } from './checkin-form';

interface CheckinPhotosProps {
  value: readonly CheckinPhoto[];
  onAdd: (photos: CheckinPhoto[]) => void;
  onRemove: (id: string) => void;
  onUploadingChange: (uploading: boolean) => void;
}

/** Up to nine photos: chosen, uploaded at once one by one, shown as thumbnails that can be removed. */
export default function CheckinPhotos({ value, onAdd, onRemove, onUploadingChange }: CheckinPhotosProps) {
  const [uploading, setUploading] = useState(false);

  const setBusy = (busy: boolean) => {
    setUploading(busy);
    onUploadingChange(busy);
  };

  const choose = async () => {
    if (uploading) return;
    const paths = await choosePhotos(CHECKIN_MAX_PHOTOS - value.length);
    if (paths.length === 0) return;
    setBusy(true);
    const added: CheckinPhoto[] = [];
    try {
      for (const filePath of paths) {
        const uploaded = await uploadReadingPhoto(filePath);
        // The local file shows at once and never expires, unlike the upload's signed URL.
        added.push({ id: uploaded.id, src: filePath });
      }
    } catch {
      // The services layer has told the worker why (too large, not an image…); the ones before it stay.
    } finally {
      if (added.length) onAdd(added);
      setBusy(false);
    }
  };

  return (
    <View className='reading-photos'>
      {value.map((photo) => (
        <View key={photo.id} className='reading-photo'>
          <Image className='reading-photo__image' src={photo.src} mode='aspectFill' />
          <Text className='reading-photo__remove' onClick={() => onRemove(photo.id)}>
            删除
          </Text>
        </View>
      ))}
      {value.length < CHECKIN_MAX_PHOTOS && (
        <View className='reading-photo reading-photo__add' onClick={() => void choose()}>
          {uploading ? <Loading type='circular' /> : <Text className='reading-photo__plus'>+</Text>}
          <Text className='muted'>{uploading ? '上传中…' : `${value.length} / ${CHECKIN_MAX_PHOTOS}`}</Text>
        </View>
      )}
    </View>
  );
}
