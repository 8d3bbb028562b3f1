import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  CHECKIN_MAX_MINUTES,
  CHECKIN_MAX_PHOTOS,
  ErrorCode,
  NOTE_MAX_LENGTH,
  type MyReadingView,
  type SeasonView,
} from '@jingcai/shared';
import { checkIn, isReadingError, uploadReadingPhoto } from '../../../../services/reading';
import { handOverCheckin } from '../../checkin-handover';
import StreakCalendar from '../../components/streak-calendar';
import { formatDay, noteLength } from '../../reading-format';
import { backToSeasonHome } from './back-to-season-home';
import Choice from '../../../../components/choice';
import PhotoPicker from '../../../../components/photo-picker';
import {
  emptyForm,
  MINUTES_STEP,
  stepMinutes,
  toCheckinBody,
  validateCheckin,
  type CheckinField,
  type CheckinForm,
} from './checkin-form';
import { useEvidenceForm } from '../../../../hooks/use-evidence-form';

interface CheckinEditorProps {
  season: SeasonView;
  me: MyReadingView;
  today: string;
  /** For a 补卡, the days it may fill, newest first; null for today's check-in. */
  missed: string[] | null;
}

export default function CheckinEditor({ season, me, today, missed }: CheckinEditorProps) {
  const makeUp = missed !== null;
  const { form, errors, uploading, submitting, update, addPhotos, removePhoto, setUploading, submit, clearDraft } =
    useEvidenceForm<CheckinForm, CheckinField>(
      () => emptyForm(missed?.[0] ?? null),
      (filled) => validateCheckin(filled, season, makeUp),
      `reading-checkin-${season.id}${makeUp ? '-makeup' : ''}`,
    );

  const step = (delta: number) => update({ minutes: stepMinutes(form.minutes, delta) }, ['minutes']);

  const send = async (filled: CheckinForm) => {
    try {
      const result = await checkIn(season.id, toCheckinBody(filled));
      clearDraft();
      handOverCheckin(result);
      void Taro.showToast({ title: makeUp ? '补卡成功' : '打卡成功', icon: 'success' });
      await backToSeasonHome();
    } catch (error) {
      // The toast has said why. Where nothing here can change the answer, the home shows how things stand.
      const settled = [ErrorCode.AlreadyCheckedIn, ErrorCode.NoMakeUpsLeft, ErrorCode.SeasonClosed].some(
        (code) => isReadingError(error, code),
      );
      if (settled) await backToSeasonHome().catch(() => undefined);
    }
  };

  const length = noteLength(form.note);

  return (
    <View className='reading-form'>
      {missed !== null && (
        <View className='card reading-form__field'>
          <Text className='reading-form__label'>补卡日期</Text>
          <Text className='muted reading-form__hint'>
            可补本季内漏打卡的日期，剩余补卡 {me.makeUpsLeft} 次
          </Text>
          <StreakCalendar
            season={season}
            checkedDays={me.checkinDays}
            today={today}
            selectable={missed}
            selected={form.date}
            onSelect={(date) => update({ date }, ['date'])}
          />
          <Text className='reading-form__date'>{form.date ? `补卡日期：${formatDay(form.date)}` : '请在日历中选择日期'}</Text>
          {errors.date && <Text className='field-error'>{errors.date}</Text>}
        </View>
      )}

      <View className='card reading-form__field'>
        <Text className='reading-form__label'>在读书目</Text>
        <View className='reading-form__books' role='radiogroup' aria-label='在读书目'>
          {season.books.map((book) => (
            <Choice
              key={book.id}
              role='radio'
              className='reading-form__book'
              selectedClassName='reading-form__book--active'
              selected={form.bookId === book.id}
              onSelect={() => update({ bookId: book.id }, ['book'])}
            >
              <Text className='reading-form__book-title'>《{book.title}》</Text>
              <Text className='reading-form__book-author'>{book.author}</Text>
            </Choice>
          ))}
        </View>
        {errors.book && <Text className='field-error'>{errors.book}</Text>}
      </View>

      <View className='card reading-form__field'>
        <Text className='reading-form__label'>阅读时长</Text>
        <View className='reading-minutes'>
          <Text className='jc-tap reading-minutes__step' role='button' aria-label={`减少 ${MINUTES_STEP} 分钟`} onClick={() => step(-MINUTES_STEP)}>
            −
          </Text>
          <Input
            className='reading-minutes__input'
            type='number'
            placeholder='分钟数'
            maxlength={3}
            value={form.minutes}
            onInput={(event) => update({ minutes: event.detail.value }, ['minutes'])}
          />
          <Text className='jc-tap reading-minutes__step' role='button' aria-label={`增加 ${MINUTES_STEP} 分钟`} onClick={() => step(MINUTES_STEP)}>
            +
          </Text>
          <Text className='reading-minutes__unit'>分钟</Text>
        </View>
        <Text className='muted reading-form__hint'>1–{CHECKIN_MAX_MINUTES} 分钟</Text>
        {errors.minutes && <Text className='field-error'>{errors.minutes}</Text>}
      </View>

      <View className='card reading-form__field'>
        <Text className='reading-form__label'>读后感</Text>
        <Textarea
          className='reading-form__note'
          placeholder={`写下今天的阅读收获，至少 ${season.minNoteLength} 字`}
          maxlength={NOTE_MAX_LENGTH}
          value={form.note}
          onInput={(event) => update({ note: event.detail.value }, ['note'])}
        />
        <Text className={`reading-form__count${length < season.minNoteLength ? ' reading-form__count--short' : ''}`}>
          已写 {length} 字 · 至少 {season.minNoteLength} 字
        </Text>
        {errors.note && <Text className='field-error'>{errors.note}</Text>}
      </View>

      <View className='card reading-form__field'>
        <Text className='reading-form__label'>照片（选填）</Text>
        <PhotoPicker
          upload={uploadReadingPhoto}
          max={CHECKIN_MAX_PHOTOS}
          value={form.photos}
          onAdd={addPhotos}
          onRemove={removePhoto}
          onUploadingChange={setUploading}
        />
        {errors.photos && <Text className='field-error'>{errors.photos}</Text>}
      </View>

      <Button
        className='reading-form__submit'
        block
        type='primary'
        loading={submitting}
        disabled={submitting || uploading}
        onClick={() => void submit(send)}
      >
        {makeUp ? '提交补卡' : '提交打卡'}
      </Button>
    </View>
  );
}
