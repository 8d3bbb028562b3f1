/**
 * babel-plugin-import entry for NutUI React Taro: `import { Button } from '@nutui/nutui-react-taro'`
 * becomes an import of that one component and its CSS, so the bundle carries only what pages use
 * (the UMD entry would add the whole kit and crashes under jsdom).
 */
const base = '@nutui/nutui-react-taro/dist/es/packages';

module.exports = [
  'import',
  {
    libraryName: '@nutui/nutui-react-taro',
    camel2DashComponentName: false,
    customName: (name) => `${base}/${name.toLowerCase()}`,
    customStyleName: (name) => `${base}/${name.toLowerCase()}/style/css`,
  },
  'nutui-react-taro',
];
