import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Input, View } from '@tarojs/components';
import { findInput } from '../../test/dom';
import { meView } from '../../test/fixtures';
import { setCurrentUser } from '../services/session';
import { useValidatedForm } from './use-validated-form';

interface NoteForm {
  note: string;
  photo: string;
}

/** A long form as the pages build it: validated, drafted under a name, the draft cleared once sent. */
function NoteEditor({ onSend }: { onSend: (form: NoteForm) => Promise<void> }) {
  const { form, update, submit, clearDraft } = useValidatedForm<NoteForm, 'note'>(
    { note: '', photo: '' },
    (filled) => (filled.note ? {} : { note: '请填写' }),
    { name: 'note', toStored: (kept) => ({ ...kept, photo: '' }) },
  );
  return (
    <View>
      <Input placeholder='写下心得' value={form.note} onInput={(event) => update({ note: event.detail.value })} />
      <View role='button' aria-label='添加照片' onClick={() => update({ photo: 'blob:local' })} />
      <View
        role='button'
        aria-label='提交'
        onClick={() =>
          void submit(async (filled) => {
            await onSend(filled);
            clearDraft();
          })
        }
      />
    </View>
  );
}

async function type(container: HTMLElement, value: string) {
  fireEvent.input(await findInput(container, '写下心得'), { target: { value } });
}

async function shown(container: HTMLElement, value: string) {
  const input = await findInput(container, '写下心得');
  await waitFor(() => expect(input.value).toBe(value));
}

describe('useDraft', () => {
  beforeEach(() => {
    Taro.clearStorageSync();
    setCurrentUser(meView({ id: 7 }));
  });
  afterEach(() => act(() => setCurrentUser(null)));

  it('keeps what was typed across a closed page, leaving out what cannot outlive the app', async () => {
    const first = render(<NoteEditor onSend={jest.fn()} />);
    await type(first.container, '读完了第三章');
    fireEvent.click(screen.getByLabelText('添加照片'));
    first.unmount();

    expect(Taro.getStorageSync('jingcai.draft.7.note')).toEqual({ note: '读完了第三章', photo: '' });
    const again = render(<NoteEditor onSend={jest.fn()} />);
    await shown(again.container, '读完了第三章');
  });

  it('forgets the draft once the form is sent, and keeps it when sending fails', async () => {
    const offline = jest.fn(() => Promise.reject(new Error('offline')));
    const failing = render(<NoteEditor onSend={offline} />);
    await type(failing.container, '要发送的内容');
    fireEvent.click(screen.getByLabelText('提交'));
    await waitFor(() => expect(offline).toHaveBeenCalled());
    await act(() => Promise.resolve());
    expect(Taro.getStorageSync('jingcai.draft.7.note')).toEqual({ note: '要发送的内容', photo: '' });
    failing.unmount();

    const send = jest.fn(() => Promise.resolve());
    render(<NoteEditor onSend={send} />);
    fireEvent.click(screen.getByLabelText('提交'));
    await waitFor(() => expect(Taro.getStorageSync('jingcai.draft.7.note')).toBe(''));

    expect(send).toHaveBeenCalledWith({ note: '要发送的内容', photo: '' });
    expect(Taro.getStorageSync('jingcai.draft.7.note')).toBe('');
  });

  it('keeps one worker’s draft away from another on a shared phone', async () => {
    const first = render(<NoteEditor onSend={jest.fn()} />);
    await type(first.container, '只属于七号');
    first.unmount();

    act(() => setCurrentUser(meView({ id: 8 })));
    const other = render(<NoteEditor onSend={jest.fn()} />);
    await shown(other.container, '');
  });
});
