import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { chooseLegalPhotos, uploadLegalPhoto } from '../../../services/legal';

/** An uploaded photo: its id for the body, and the local file to show as a thumbnail. */
export interface LegalPhoto {
  id: string;
  src: string;
}

interface LegalPhotosProps {
  value: readonly LegalPhoto[];
  max: number;
  onAdd: (photos: LegalPhoto[]) => void;
  onRemove: (id: string) => void;
  onUploadingChange: (uploading: boolean) => void;
}

/** Up to `max` photos: chosen, uploaded at once one by one, shown as thumbnails that can be removed. */
export default function LegalPhotos({ value, max, onAdd, onRemove, onUploadingChange }: LegalPhotosProps) {
  const [uploading, setUploading] = useState(false);

  const setBusy = (busy: boolean) => {
    setUploading(busy);
    onUploadingChange(busy);
  };

  const choose = async () => {
    if (uploading) return;
    const paths = await chooseLegalPhotos(max - value.length);
    if (paths.length === 0) return;
    setBusy(true);
    const added: LegalPhoto[] = [];
    try {
      for (const filePath of paths) {
        const uploaded = await uploadLegalPhoto(filePath);
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
    <View className='legal-photos'>
      {value.map((photo) => (
        <View key={photo.id} className='legal-photo'>
          <Image className='legal-photo__image' src={photo.src} mode='aspectFill' />
          <Text className='legal-photo__remove' onClick={() => onRemove(photo.id)}>
            删除
          </Text>
        </View>
      ))}
      {value.length < max && (
        <View className='legal-photo legal-photo__add' onClick={() => void choose()}>
          {uploading ? <Loading type='circular' /> : <Text className='legal-photo__plus'>+</Text>}
          <Text className='muted'>{uploading ? '上传中…' : `${value.length} / ${max}`}</Text>
        </View>
      )}
    </View>
  );
}
