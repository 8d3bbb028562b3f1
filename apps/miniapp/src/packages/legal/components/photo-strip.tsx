import { Image, View } from '@tarojs/components';
import type { PhotoView } from '@jingcai/shared';
import { previewPhotos } from '../../../services/platform';
import { imageAlt } from '../../../a11y';

/** Photos sent with a message or an application, as thumbnails that open full screen. */
export default function PhotoStrip({ photos }: { photos: readonly PhotoView[] }) {
  if (photos.length === 0) return null;
  const urls = photos.map((photo) => photo.url);
  return (
    <View className='legal-strip'>
      {photos.map((photo, index) => (
        <Image
          key={photo.id}
          className='legal-strip__photo'
          src={photo.url}
          {...imageAlt(`照片 ${index + 1}，点击查看大图`)}
          mode='aspectFill'
          role='button'
          onClick={() => previewPhotos(urls, photo.url)}
        />
      ))}
    </View>
  );
}
