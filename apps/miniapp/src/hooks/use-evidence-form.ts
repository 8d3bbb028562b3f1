import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { PickedPhoto } from '../components/photo-picker';

/**
 * A form with photos (我要咨询, 申请援助, 读书打卡): its fields, each field's complaint (gone as soon as the worker
 * edits that field, photos included), the photos, and a submit that validates first and sends once at a time,
 * never while a photo is still uploading.
 */
export function useEvidenceForm<Form extends { photos: PickedPhoto[] }, Field extends string>(
  initial: () => Form,
  validate: (form: Form) => Partial<Record<Field, string>>,
) {
  const [form, setForm] = useState<Form>(initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [uploading, setUploading] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const clearErrors = (fields: Field[]) =>
    setErrors((current) => {
      const rest = { ...current };
      for (const field of fields) delete rest[field];
      return rest;
    });

  const update = (patch: Partial<Form>, clears: Field[] = []) => {
    setForm((current) => ({ ...current, ...patch }));
    clearErrors(clears);
  };

  const addPhotos = (photos: PickedPhoto[]) => {
    setForm((current) => ({ ...current, photos: [...current.photos, ...photos] }));
    clearErrors(['photos' as Field]); // every such form calls its photo field `photos`
  };
  const removePhoto = (id: string) =>
    setForm((current) => ({ ...current, photos: current.photos.filter((photo) => photo.id !== id) }));

  /** The first complaint shows as a toast; `send` rejects after its own toast has said why (or settles it). */
  const submit = async (send: (form: Form) => Promise<void>) => {
    if (submitting || uploading) return;
    const found = validate(form);
    setErrors(found);
    const first = Object.values<string | undefined>(found)[0];
    if (first) {
      void Taro.showToast({ title: first, icon: 'none' });
      return;
    }
    setSubmitting(true);
    try {
      await send(form);
    } catch {
      // The toast has said why (risky content, too short…); the form stays to be corrected.
    } finally {
      setSubmitting(false);
    }
  };

  return { form, errors, uploading, submitting, update, addPhotos, removePhoto, setUploading, submit };
}
