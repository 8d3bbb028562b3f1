import type { UploadView } from '@jingcai/shared';
import type { Upload } from './entities/upload.entity';

/** The only way an upload leaves the API; `url` is a fresh signed URL (the storage key stays private). */
export function toUploadView(upload: Upload, url: string): UploadView {
  return {
    id: upload.id,
    url,
    contentType: upload.contentType,
    size: upload.size,
    width: upload.width,
    height: upload.height,
  };
}
