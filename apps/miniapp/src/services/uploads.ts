import type { UploadPurpose, UploadView } from '@jingcai/shared';
import { upload } from './request';

/** `POST /uploads` (multipart `file` + `purpose`): the photo's id to put in a form, and a URL to show it. */
export function uploadImage(filePath: string, purpose: UploadPurpose): Promise<UploadView> {
  return upload<UploadView>('/uploads', { filePath, name: 'file', formData: { purpose } });
}
