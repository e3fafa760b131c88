import {defineConfig} from 'vitest/config'

/** Tests against the shared corpus beside the repository (../shared): real council data and the W3C CSVW suite. */
export default defineConfig({
  test: {
    include: ['test/conformance/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
