/** Shared Prettier preset: every package's `prettier` key points here. */
module.exports = {
  singleQuote: true,
  trailingComma: 'all',
  printWidth: 110,
  semi: true,
};
