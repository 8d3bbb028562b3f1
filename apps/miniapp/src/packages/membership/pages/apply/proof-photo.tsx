import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
import { UploadPurpose } from '@jingcai/shared';
import { chooseImage } from '../../../../services/platform';
import { uploadImage } from '../../../../services/uploads';
import type { ProofPhoto } from './application-form';

interface ProofPhotoProps {
  value: ProofPhoto | null;
  onChange: (photo: ProofPhoto | null) => void;
}

/** The gig worker's proof (platform work ID or app profile): chosen, uploaded at once, shown as a thumbnail. */
export default function ProofPhotoField({ value, onChange }: ProofPhotoProps) {
  const [uploading, setUploading] = useState(false);

  const choose = async () => {
    if (uploading) return;
    const filePath = await chooseImage();
    if (!filePath) return;
    setUploading(true);
    try {
      const uploaded = await uploadImage(filePath, UploadPurpose.MembershipProof);
      // The local file shows at once and never expires, unlike the upload's signed URL.
      onChange({ id: uploaded.id, src: filePath });
    } catch {
      // The services layer has already told the worker what went wrong (too large, not an image…).
    } finally {
      setUploading(false);
    }
  };

  if (value) {
    return (
      <View className='proof-photo'>
        <Image className='proof-photo__image' src={value.src} mode='aspectFill' />
        <Text className='proof-photo__remove' onClick={() => onChange(null)}>
          删除
        </Text>
      </View>
    );
  }
  return (
    <View className='proof-photo proof-photo__add' onClick={() => void choose()}>
      {uploading ? <Loading type='circular' /> : <Text className='proof-photo__plus'>+</Text>}
      <Text className='muted'>{uploading ? '上传中…' : '上传照片'}</Text>
    </View>
  );
}
