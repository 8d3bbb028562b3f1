import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { choosePhotos } from '../../services/platform';
import { imageAlt } from '../../a11y';
import PrivacyPopup from '../privacy-popup';
import './index.css';

/** An uploaded photo: its id for the request body, and the local file to show as a thumbnail. */
export interface PickedPhoto {
  id: string;
  src: string;
}

interface PhotoPickerProps {
  value: readonly PickedPhoto[];
  max: number;
  /** Uploads one chosen file (with the purpose the feature needs); rejects after telling the worker why. */
  upload: (filePath: string) => Promise<{ id: string }>;
  onAdd: (photos: PickedPhoto[]) => void;
  onRemove: (id: string) => void;
  onUploadingChange: (uploading: boolean) => void;
}

/** Up to `max` photos: chosen, uploaded at once one by one, shown as thumbnails that can be removed. */
export default function PhotoPicker({
  value,
  max,
  upload,
  onAdd,
  onRemove,
  onUploadingChange,
}: PhotoPickerProps) {
  const [uploading, setUploading] = useState(false);

  const setBusy = (busy: boolean) => {
    setUploading(busy);
    onUploadingChange(busy);
  };

  const choose = async () => {
    if (uploading) return;
    const paths = await choosePhotos(max - value.length);
    if (paths.length === 0) return;
    setBusy(true);
    const added: PickedPhoto[] = [];
    try {
      for (const filePath of paths) {
        const uploaded = await upload(filePath);
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
    <View className='photo-picker'>
      {value.map((picked, index) => (
        <View key={picked.id} className='photo-picker__photo photo-picker__picked'>
          <Image className='photo-picker__image' src={picked.src} mode='aspectFill' {...imageAlt(`已选照片 ${index + 1}`)} />
          <View
            className='jc-tap photo-picker__remove'
            role='button'
            aria-label={`删除第 ${index + 1} 张照片`}
            onClick={() => onRemove(picked.id)}
          >
            删除
          </View>
        </View>
      ))}
      {value.length < max && (
        <View
          className='photo-picker__photo photo-picker__add'
          role='button'
          onClick={() => void choose()}
        >
          {uploading ? <Loading type='circular' /> : <Text className='photo-picker__plus'>+</Text>}
          <Text className='muted'>{uploading ? '上传中…' : max === 1 ? '上传照片' : `${value.length} / ${max}`}</Text>
        </View>
      )}
      <PrivacyPopup />
    </View>
  );
}
