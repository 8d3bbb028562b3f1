/**
 * Local ESLint plugin for the mini-program. A tappable `View`, `Text` or `Image` is a plain box to a screen
 * reader, and on H5 app.css sizes tap targets by role: one that takes `onClick` must say what it is. NutUI's
 * controls and Taro's `Button` bring their own role, so only these three are checked.
 */
const TAPPABLE_BOXES = new Set(['View', 'Text', 'Image']);

function hasProp(element, name) {
  // Only a prop written on the element counts: a role hidden in a spread is not seen by the next reader either.
  return element.attributes.some(
    (attribute) => attribute.type === 'JSXAttribute' && attribute.name.name === name,
  );
}

/** @type {import('eslint').Rule.RuleModule} */
const tapNeedsRole = {
  meta: {
    type: 'problem',
    docs: { description: 'Require a role on View, Text and Image elements that take onClick' },
    schema: [],
    messages: {
      missingRole:
        '<{{name}}> takes onClick but has no role: give it role="button" (with aria-pressed if it toggles), or make it a components/choice (a chip, tab or option).',
    },
  },
  create(context) {
    return {
      JSXOpeningElement(element) {
        const { name } = element;
        if (name.type !== 'JSXIdentifier' || !TAPPABLE_BOXES.has(name.name)) return;
        if (hasProp(element, 'onClick') && !hasProp(element, 'role')) {
          context.report({ node: element, messageId: 'missingRole', data: { name: name.name } });
        }
      },
    };
  },
};

export default { meta: { name: 'jingcai-miniapp' }, rules: { 'tap-needs-role': tapNeedsRole } };
