import { useState } from 'react';
import type { PickedPhoto } from '../components/photo-picker';
import { useValidatedForm } from './use-validated-form';

/**
 * A validated form with photos (我要咨询, 申请援助, 读书打卡): adding or removing photos also clears their
 * complaint, and nothing is sent while a photo is still uploading.
 */
export function useEvidenceForm<Form extends { photos: PickedPhoto[] }, Field extends string>(
  initial: () => Form,
  validate: (form: Form) => Partial<Record<Field, string>>,
  draftName?: string,
) {
  // Photos stay out of the draft: their local paths do not outlive the app.
  const draft = draftName ? { name: draftName, toStored: (form: Form) => ({ ...form, photos: [] }) } : undefined;
  const { setForm, clearErrors, submit, ...rest } = useValidatedForm<Form, Field>(initial, validate, draft);
  const [uploading, setUploading] = useState(false);
  // Every such form calls its photo field `photos`.
  const photoField = ['photos' as Field];

  const addPhotos = (photos: PickedPhoto[]) => {
    setForm((current) => ({ ...current, photos: [...current.photos, ...photos] }));
    clearErrors(photoField);
  };
  const removePhoto = (id: string) => {
    setForm((current) => ({ ...current, photos: current.photos.filter((photo) => photo.id !== id) }));
    clearErrors(photoField);
  };

  return {
    ...rest,
    uploading,
    setUploading,
    addPhotos,
    removePhoto,
    submit: (send: (form: Form) => Promise<void>) => submit(send, uploading),
  };
}
