import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/_site/**', '**/dist/**'],
    testTimeout: 30_000,
  },
})
