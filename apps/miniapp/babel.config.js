// Build-time Babel config (Taro's preset). Jest uses its own inline config in jest.config.js.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    require('./config/nutui-import.js'),
    // WeChat reads `aria-role`, a browser `role` (config/weapp-aria).
    ...(process.env.TARO_ENV === 'weapp' ? [require('./config/weapp-aria/babel-role.js')] : []),
  ],
};
