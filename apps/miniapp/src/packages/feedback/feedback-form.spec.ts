import { emptyFeedbackForm, toFeedbackBody, validateFeedback } from './feedback-form';

describe('feedback form', () => {
  it('asks for at least 5 characters and trims what it sends', () => {
    expect(validateFeedback({ ...emptyFeedbackForm(), text: '  太慢  ' }).text).toBe('请至少写 5 个字');
    const form = { ...emptyFeedbackForm(), text: '  驿站饮水机坏了  ', photos: [{ id: 'abcdefghijk', src: 'x' }] };
    expect(validateFeedback(form)).toEqual({});
    expect(toFeedbackBody(form)).toEqual({
      category: 'suggestion',
      text: '驿站饮水机坏了',
      photoIds: ['abcdefghijk'],
      wantsContact: false,
    });
  });
});
