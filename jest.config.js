/** Tests run through swc (no type checking); `npm test` runs `tsc --noEmit` first. */
module.exports = {
  // The Node environment, holding back the library's console lines unless a test fails.
  testEnvironment: '<rootDir>/test/support/quiet-environment.ts',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    // secretlint's rule preset ships ES modules only: Node 20 requires them as they are, jest needs them in CommonJS.
    '/node_modules/@secretlint/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!@secretlint/)'],
  snapshotFormat: { escapeString: false, printBasicPrototype: false },
};
