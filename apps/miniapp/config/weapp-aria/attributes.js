/**
 * The ARIA attributes WeChat's screen reader reads on base components (base library 2.7.1+, the
 * aria-component page of WeChat's docs), that our pages set. `aria-role` is WeChat's name for `role`.
 * Taro's WeChat template writes out only the attributes it knows, and it knows none of these.
 */
const ARIA_ATTRIBUTES = [
  'aria-role',
  'aria-label',
  'aria-labelledby',
  'aria-hidden',
  'aria-checked',
  'aria-selected',
  'aria-pressed',
  'aria-disabled',
  'aria-expanded',
  'aria-current',
  'aria-live',
  'aria-modal',
];

/** The Taro components our pages give a role or a name. */
const NAMED_COMPONENTS = ['View', 'Text', 'Image', 'ScrollView'];

/** Taro's component patch: each attribute read from the node's data, empty when unset. */
const components = Object.fromEntries(
  NAMED_COMPONENTS.map((name) => [
    name,
    Object.fromEntries(ARIA_ATTRIBUTES.map((attribute) => [attribute, "''"])),
  ]),
);

module.exports = { ARIA_ATTRIBUTES, NAMED_COMPONENTS, components };
