import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { choosePhotos } from '../../services/platform';

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
  /** The feature's class prefix: `reading` gives `.reading-photos`, `.reading-photo__add`… */
  classPrefix: string;
  onAdd: (photos: PickedPhoto[]) => void;
  onRemove: (id: string) => void;
  onUploadingChange: (uploading: boolean) => void;
}

/** Up to `max` photos: chosen, uploaded at once one by one, shown as thumbnails that can be removed. */
export default function PhotoPicker({
  value,
  max,
  upload,
  classPrefix,
  onAdd,
  onRemove,
  onUploadingChange,
}: PhotoPickerProps) {
  const [uploading, setUploading] = useState(false);
  const photo = `${classPrefix}-photo`;

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
    <View className={`${classPrefix}-photos`}>
      {value.map((picked) => (
        <View key={picked.id} className={photo}>
          <Image className={`${photo}__image`} src={picked.src} mode='aspectFill' />
          <Text className={`${photo}__remove`} onClick={() => onRemove(picked.id)}>
            删除
          </Text>
        </View>
      ))}
      {value.length < max && (
        <View className={`${photo} ${photo}__add`} onClick={() => void choose()}>
          {uploading ? <Loading type='circular' /> : <Text className={`${photo}__plus`}>+</Text>}
          <Text className='muted'>{uploading ? '上传中…' : `${value.length} / ${max}`}</Text>
        </View>
      )}
    </View>
  );
}
