/**
 * WeChat's rules for subscribe-message template values, by the field's type (the key without its number:
 * `thing1` is a `thing`). WeChat answers 47003 "argument invalid! data.thing1.value invalid" when a value
 * breaks them, and the message is not sent, so the fake refuses the same values.
 */
const RULES: Record<string, (value: string) => boolean> = {
  thing: (v) => [...v].length <= 20,
  phrase: (v) => [...v].length <= 5 && /^[\u4e00-\u9fa5]+$/.test(v),
  name: (v) => [...v].length <= 10 || (/^[A-Za-z ]+$/.test(v) && v.length <= 20),
  character_string: (v) => v.length <= 32 && /^[\x21-\x7e]+$/.test(v),
  number: (v) => v.length <= 32 && /^\d+(\.\d+)?$/.test(v),
  letter: (v) => v.length <= 32 && /^[A-Za-z]+$/.test(v),
  time: (v) => /\d{1,2}:\d{2}/.test(v) || /\d{4}\s*[年/-]\s*\d{1,2}\s*[月/-]\s*\d{1,2}/.test(v),
  date: (v) => /\d{4}\s*[年/-]\s*\d{1,2}\s*[月/-]\s*\d{1,2}/.test(v),
  amount: (v) => /^[¥￥]?\d{1,10}(\.\d{1,2})?元?$/.test(v),
  phone_number: (v) => v.length <= 17 && /^[\d+\-() ]+$/.test(v),
  car_number: (v) => [...v].length <= 8,
};

/** The first field WeChat would refuse, or null when every value is acceptable. */
export function invalidSubscribeField(data: Record<string, unknown>): string | null {
  const fields = Object.entries(data);
  if (fields.length === 0) return 'data';
  for (const [key, field] of fields) {
    const type = /^([a-z_]+?)\d+$/.exec(key)?.[1];
    const value = (field as { value?: unknown } | null)?.value;
    const rule = type ? RULES[type] : undefined;
    if (!rule || typeof value !== 'string' || value.trim() === '' || !rule(value)) return key;
  }
  return null;
}
