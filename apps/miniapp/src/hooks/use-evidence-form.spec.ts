import Taro from '@tarojs/taro';
import { act, renderHook } from '@testing-library/react';
import type { PickedPhoto } from '../components/photo-picker';
import { useEvidenceForm } from './use-evidence-form';

interface NoteForm {
  note: string;
  photos: PickedPhoto[];
}
type NoteField = 'note' | 'photos';

const validate = (form: NoteForm) => ({
  ...(form.note.length < 5 && { note: '至少写 5 个字' }),
  ...(form.photos.length > 1 && { photos: '最多 1 张照片' }),
});
const photo = (id: string): PickedPhoto => ({ id, src: `wxfile://tmp/${id}.jpg` });

function renderForm() {
  return renderHook(() => useEvidenceForm<NoteForm, NoteField>(() => ({ note: '', photos: [] }), validate));
}

describe(useEvidenceForm.name, () => {
  beforeEach(() => jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' }));
  afterEach(() => jest.restoreAllMocks());

  it('shows the first complaint as a toast and sends nothing; editing a field clears its complaint only', async () => {
    const { result } = renderForm();
    const send = jest.fn().mockResolvedValue(undefined);
    act(() => result.current.addPhotos([photo('a'), photo('b')]));
    await act(() => result.current.submit(send));
    expect(send).not.toHaveBeenCalled();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '至少写 5 个字', icon: 'none' });
    expect(result.current.errors).toEqual({ note: '至少写 5 个字', photos: '最多 1 张照片' });

    act(() => result.current.removePhoto('b'));
    expect(result.current.errors).toEqual({ note: '至少写 5 个字' });
    act(() => result.current.update({ note: '今天读完了第三章' }, ['note']));
    expect(result.current.errors).toEqual({});
    expect(result.current.form).toEqual({ note: '今天读完了第三章', photos: [photo('a')] });
  });

  it('sends the filled form once at a time, never while a photo uploads, and keeps it when sending fails', async () => {
    const { result } = renderForm();
    act(() => result.current.update({ note: '今天读完了第三章' }, ['note']));
    const send = jest.fn().mockRejectedValue(new Error('already told'));

    act(() => result.current.setUploading(true));
    await act(() => result.current.submit(send));
    expect(send).not.toHaveBeenCalled();

    act(() => result.current.setUploading(false));
    await act(() => result.current.submit(send));
    expect(send).toHaveBeenCalledWith({ note: '今天读完了第三章', photos: [] });
    expect(result.current.submitting).toBe(false);
    expect(result.current.form.note).toBe('今天读完了第三章');

    // A second tap while the first is still sending sends nothing more.
    let release = () => undefined as void;
    const slow = jest.fn(() => new Promise<void>((resolve) => (release = resolve)));
    let first: Promise<void> = Promise.resolve();
    act(() => {
      first = result.current.submit(slow);
    });
    expect(result.current.submitting).toBe(true);
    await act(() => result.current.submit(slow));
    await act(async () => {
      release();
      await first;
    });
    expect(slow).toHaveBeenCalledTimes(1);
    expect(result.current.submitting).toBe(false);
  });
});
