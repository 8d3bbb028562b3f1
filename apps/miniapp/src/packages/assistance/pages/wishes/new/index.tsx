import Taro from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { WISH_AMOUNT_MAX_YUAN, WISH_STORY_MAX, WISH_TITLE_MAX } from '@jingcai/shared';
import { useValidatedForm } from '../../../../../hooks/use-validated-form';
import { ROUTES } from '../../../../../routes';
import { writeWish } from '../../../../../services/assistance';
import { textLength } from '../../../assistance-format';
import { emptyWishForm, toWishBody, validateWish, type WishField, type WishForm } from './wish-form';
import '../../../components/assistance.css';
import { pageClass } from '../../../../../hooks/use-care-mode';

/** 许个心愿 (families on the register): a wish up to 500 元 and its story; the union vets it before the wall. */
export default function NewWishPage() {
  const { form, errors, submitting, update, submit, clearDraft } = useValidatedForm<WishForm, WishField>(
    emptyWishForm,
    validateWish,
    { name: 'assistance-wish' },
  );

  const send = async (filled: WishForm) => {
    await writeWish(toWishBody(filled));
    clearDraft();
    void Taro.showToast({ title: '已提交，工会审核后发布', icon: 'none' });
    await Taro.redirectTo({ url: ROUTES.assistanceWishesMine });
  };

  return (
    <View className={pageClass('page assistance-wish-new')}>
      <Text className='assistance-privacy'>
        心愿墙只显示您的姓氏和所在街道，不显示姓名、电话和住址。工会可能会调整文字后再发布。
      </Text>
      <View className='card assistance-field'>
        <Text className='assistance-label'>我的心愿</Text>
        <Input
          className='assistance-input assistance-wish-new__title'
          aria-label='我的心愿'
          placeholder='如：给孩子买一个新书包'
          maxlength={WISH_TITLE_MAX}
          value={form.title}
          onInput={(event) => update({ title: event.detail.value }, ['title'])}
        />
        {errors.title && <Text className='field-error'>{errors.title}</Text>}
      </View>
      <View className='card assistance-field'>
        <Text className='assistance-label'>心愿故事</Text>
        <Textarea
          className='assistance-textarea assistance-wish-new__story'
          aria-label='心愿故事'
          placeholder='为什么需要它，它会带来什么改变'
          maxlength={WISH_STORY_MAX}
          value={form.story}
          onInput={(event) => update({ story: event.detail.value }, ['story'])}
        />
        <Text className='assistance-count'>
          {textLength(form.story)} / {WISH_STORY_MAX}
        </Text>
        {errors.story && <Text className='field-error'>{errors.story}</Text>}
      </View>
      <View className='card assistance-field'>
        <Text className='assistance-label'>大约价值（元，不超过 {WISH_AMOUNT_MAX_YUAN}）</Text>
        <Input
          className='assistance-input assistance-wish-new__amount'
          type='number'
          aria-label='大约价值（元）'
          placeholder={`1–${WISH_AMOUNT_MAX_YUAN}`}
          maxlength={3}
          value={form.amount}
          onInput={(event) => update({ amount: event.detail.value }, ['amount'])}
        />
        {errors.amount && <Text className='field-error'>{errors.amount}</Text>}
      </View>
      <Button block type='primary' loading={submitting} disabled={submitting} onClick={() => void submit(send)}>
        提交心愿
      </Button>
    </View>
  );
}
