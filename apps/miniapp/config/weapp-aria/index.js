/**
 * Taro plugin for the WeChat build: names and roles reach WeChat's screen reader. The pages write ARIA as
 * on the web (`role`, `aria-label`, `aria-checked`…), which the H5 build passes to the browser as it is.
 * On WeChat, Taro renders every node through one generated template that lists, per component, the
 * attributes it copies from the node's data, and none of these is listed. This adds them to that template
 * (build time) and to the runtime's list of component attributes (so the node's data carries them under
 * the names the template reads); `babel-role.js` renames `role` to WeChat's `aria-role`.
 */
const { components } = require('./attributes');

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (!platform.template) return; // H5 has no template: the browser reads the attributes as written.
      platform.template.mergeComponents(ctx, components);
      const runtime = require.resolve('./runtime.js');
      platform.runtimePath = [].concat(platform.runtimePath ?? [], runtime);
    },
  });
};
