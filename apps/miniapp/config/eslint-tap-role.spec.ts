import { deserialize, serialize } from 'node:v8';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import tapRole from './eslint-tap-role.mjs';

// Specs run in jsdom, whose global has no structuredClone; ESLint merges rule options with it. Node's own
// serializer clones the same plain data.
globalThis.structuredClone ??= (value) => deserialize(serialize(value)) as typeof value;

const ruleTester = new RuleTester({
  languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
});

const missingRole = (name: string) => ({ messageId: 'missingRole', data: { name } });

describe('jingcai/tap-needs-role', () => {
  ruleTester.run('tap-needs-role', tapRole.rules['tap-needs-role'], {
    valid: [
      { code: `<View role='button' onClick={open}>打开</View>` },
      { code: `<Text className='jc-tap' role='button' aria-label='上个月' onClick={back}>‹</Text>` },
      { code: `<Image src={url} role='button' onClick={preview} />` },
      { code: `<View role='radio' aria-checked={on} onClick={pick}>劳动合同</View>` },
      // Not tappable: nothing to name.
      { code: `<View className='card'><Text>说明</Text></View>` },
      // NutUI and Taro controls bring their own role.
      { code: `<Button onClick={send}>提交</Button>` },
      { code: `<Cell title='会员证' clickable onClick={open} />` },
      { code: `<Choice role='tab' selected={on} onSelect={pick}>个人</Choice>` },
    ],
    invalid: [
      { code: `<View className='card' onClick={open}>打开</View>`, errors: [missingRole('View')] },
      { code: `<Text onClick={back}>‹</Text>`, errors: [missingRole('Text')] },
      { code: `<Image src={url} onClick={preview} />`, errors: [missingRole('Image')] },
      // WeChat's spelling is not ARIA, and H5 ignores it.
      { code: `<Text aria-role='link' onClick={read}>阅读</Text>`, errors: [missingRole('Text')] },
      // A role that may be in a spread is not one a reader can see.
      { code: `<View {...props} onClick={open} />`, errors: [missingRole('View')] },
      {
        code: `<View role='list'><View onClick={a} /><Text role='button' onClick={b} /></View>`,
        errors: [{ ...missingRole('View'), column: 19 }],
      },
    ],
  });
});
