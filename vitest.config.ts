import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

// Vitest 4 has no worker RPC deadline (vitest 3 failed a green run with `Timeout calling "onTaskUpdate"` when a
// worker or the main process was busy for 60 s). The main process keeps a core of its own: one worker fewer
// than cores (at least one). End-to-end files cross-compile with Go and run binaries under qemu; Go's own
// build already uses every core, so one file at a time loses little.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: Math.max(1, availableParallelism() - 1),
    reporters: ['default'],
  },
})
