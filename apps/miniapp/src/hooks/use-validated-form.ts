import { useState } from 'react';
import Taro from '@tarojs/taro';
import { loadDraft, useDraft } from './use-draft';

/** Keeps the form as a local draft under `name` until `clearDraft` (after sending); see `useDraft`. */
export interface DraftOption<Form> {
  name: string;
  toStored?: (form: Form) => Form;
}

/**
 * A form's fields and each field's complaint (gone as soon as the worker edits that field), with a submit that
 * validates first — the first complaint as a toast — and sends once at a time.
 */
export function useValidatedForm<Form, Field extends string>(
  initial: Form | (() => Form),
  validate: (form: Form) => Partial<Record<Field, string>>,
  draft?: DraftOption<Form>,
) {
  const [form, setForm] = useState<Form>(() => {
    const start = typeof initial === 'function' ? (initial as () => Form)() : initial;
    const kept = draft ? loadDraft<Partial<Form>>(draft.name) : null;
    return kept ? { ...start, ...kept } : start;
  });
  const { clear: clearDraft } = useDraft(draft?.name ?? '', form, draft?.toStored, draft !== undefined);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [submitting, setSubmitting] = useState(false);

  const clearErrors = (fields: readonly Field[]) =>
    setErrors((current) => {
      const rest = { ...current };
      for (const field of fields) delete rest[field];
      return rest;
    });

  const update = (patch: Partial<Form>, clears: readonly Field[] = []) => {
    setForm((current) => ({ ...current, ...patch }));
    clearErrors(clears);
  };

  /**
   * `send` is called before anything is awaited, still inside the tap (WeChat shows a subscribe prompt only
   * then). It rejects after the services layer's toast has said why, or settles the failure itself; the form
   * stays to be corrected. Nothing is sent while `blocked` (a photo still uploading).
   */
  const submit = async (send: (form: Form) => Promise<void>, blocked = false) => {
    if (submitting || blocked) return;
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
      // Already told; see above.
    } finally {
      setSubmitting(false);
    }
  };

  return { form, setForm, errors, clearErrors, update, submitting, submit, clearDraft };
}
