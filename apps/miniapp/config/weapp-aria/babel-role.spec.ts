/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: Babel has no types here, the plugin is a Babel config module */
const { transformSync } = require('@babel/core') as {
  transformSync: (code: string, options: object) => { code: string } | null;
};
const renameRole: unknown = require('./babel-role.js');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The WeChat build's output of a JSX snippet, JSX kept. */
function weapp(code: string): string {
  return transformSync(code, {
    configFile: false,
    babelrc: false,
    parserOpts: { plugins: ['jsx'] },
    plugins: [renameRole],
  })!.code;
}

describe('weapp-aria-role', () => {
  it('gives Taro components WeChat’s aria-role', () => {
    const out = weapp(
      `import { View, Text } from '@tarojs/components';\n<View role='button'><Text role='img' /></View>;`,
    );
    expect(out).toContain(`<View aria-role='button'>`);
    expect(out).toContain(`<Text aria-role='img' />`);
    expect(out).not.toMatch(/\srole=/);
  });

  it('leaves the role prop of our own components and of elements not from Taro', () => {
    const out = weapp(
      `import Choice from '../choice';\nconst View = (p) => p;\n<Choice role='radio' />;\n<View role='tab' />;`,
    );
    expect(out).toContain(`<Choice role='radio' />`);
    expect(out).toContain(`<View role='tab' />`);
  });
});
