/** Tests run through swc (no type checking); `npm test` runs `tsc --noEmit` first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
