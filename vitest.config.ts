import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most tests wait on git child processes: three workers keep both cores busy. Vitest's default
    // (CPUs - 1) runs one file at a time on a 2-core runner: measured 733 s against 603 s.
    maxWorkers: 3,
    reporters: ['default'],
  },
})
