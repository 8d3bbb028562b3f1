// Stands in for CSS imports, which jsdom cannot load.
module.exports = {};
