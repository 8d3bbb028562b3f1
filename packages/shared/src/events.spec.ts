import type { FormField } from './events';
import { formAnswerProblems } from './events-rules';

describe(formAnswerProblems.name, () => {
  const form: FormField[] = [
    { key: 'size', label: '尺码', type: 'choice', required: true, options: ['M', 'L'] },
    { key: 'age', label: '年龄', type: 'number', required: false, min: 16, max: 70 },
    { key: 'day', label: '日期', type: 'date', required: false },
    { key: 'note', label: '备注', type: 'text', required: false },
  ];

  it('accepts answers that fit the form', () => {
    expect(
      formAnswerProblems(form, [
        { key: 'size', value: 'M' },
        { key: 'age', value: '35' },
        { key: 'day', value: '2026-07-01' },
      ]),
    ).toEqual([]);
  });

  it('names each problem by field', () => {
    expect(
      formAnswerProblems(form, [
        { key: 'age', value: '12' },
        { key: 'day', value: '2026-02-30' },
        { key: 'extra', value: 'x' },
        { key: 'note', value: 'x'.repeat(201) },
      ]),
    ).toEqual([
      { field: 'answers.extra', message: '报名表中没有这一项' },
      { field: 'answers.size', message: '尺码：请填写此项' },
      { field: 'answers.age', message: '年龄：不能小于 16' },
      { field: 'answers.day', message: '日期：日期无效' },
      { field: 'answers.note', message: '备注：不能超过 200 个字' },
    ]);
  });
});
