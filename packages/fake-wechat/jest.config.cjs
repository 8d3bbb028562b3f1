module.exports = { ...require('@jingcai/config/jest.preset.cjs'), roots: ['<rootDir>/src'] };
