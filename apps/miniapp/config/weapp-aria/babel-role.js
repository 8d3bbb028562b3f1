/**
 * Babel plugin for the WeChat build: `role` on a Taro component becomes `aria-role`, the attribute WeChat's
 * screen reader reads (a browser reads `role`, and `aria-role` is no ARIA there, so the H5 build keeps
 * `role`). Only elements imported from @tarojs/components: a `role` prop of our own components (Choice)
 * is an input, passed on to the View that renders it.
 */
module.exports = ({ types: t }) => ({
  name: 'weapp-aria-role',
  visitor: {
    JSXAttribute(path) {
      const { node } = path;
      if (!t.isJSXIdentifier(node.name, { name: 'role' })) return;
      const element = path.parent.name;
      if (!t.isJSXIdentifier(element)) return;
      const binding = path.scope.getBinding(element.name);
      const source = binding?.kind === 'module' ? binding.path.parent.source?.value : undefined;
      if (source === '@tarojs/components') node.name = t.jsxIdentifier('aria-role');
    },
  },
});
