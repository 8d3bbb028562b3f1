import { jingcaiEslint } from '@jingcai/config/eslint.preset.mjs';
export default jingcaiEslint(import.meta.dirname);
