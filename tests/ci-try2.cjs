const ci = require('miniprogram-ci');
(async () => {
  const project = new ci.Project({ appid: 'touristappid', privateKey: 'offline', type: 'miniProgram', projectPath: process.argv[2], ignores: ['node_modules/**/*'], attr: async () => ci.DefaultProjectAttr });
  const app = await ci.getAppJSON(project);
  console.log('warning:', app.__warning__);
  const p = await ci.getPageJSON(project, { miniprogramRoot: '', pagePath: 'pages/home/index' });
  console.log('page warning:', p.__warning__, Object.keys(p));
  process.exit(0);
})().catch((e) => { console.error('ERR', e); process.exit(1); });
