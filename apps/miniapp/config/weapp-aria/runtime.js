// Loaded with Taro's runtime on WeChat (index.js): the same attributes the template now copies.
import { mergeInternalComponents } from '@tarojs/shared';
import { components } from './attributes';

mergeInternalComponents(components);
