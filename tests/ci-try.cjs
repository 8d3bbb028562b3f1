const ci = require('miniprogram-ci');
const fs = require('fs');
(async () => {
  const root = process.argv[2];
  const project = new ci.Project({ appid: 'touristappid', privateKey: 'offline', type: 'miniProgram', projectPath: root, ignores: ['node_modules/**/*'], attr: async () => ci.DefaultProjectAttr });
  console.time('compile');
  const out = await ci.getCompiledResult({ project, setting: { es6: false, minify: false, minifyJS: false, minifyWXML: true, minifyWXSS: true, autoPrefixWXSS: true },
    onProgressUpdate: (t) => { fs.appendFileSync('/tmp/progress.log', (typeof t === 'object' ? JSON.stringify(t) : String(t)) + '\n'); } });
  console.timeEnd('compile');
  fs.writeFileSync('/tmp/ci-appjson.txt', String(out['app.json']));
  console.log(Object.keys(out).length);
  process.exit(0);
})().catch((e) => { console.error('ERR', e); process.exit(1); });
