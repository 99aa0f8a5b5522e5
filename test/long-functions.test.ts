/**
 * The release path reads in short, named pieces (issue 21): no function over 80 lines in shared/release/,
 * cli/release/ and shared/bundle-check.ts, as scripts/long-functions.mjs measures them with the TypeScript parser.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { expect, test } from 'vitest'
import { repoRoot } from './helpers/runner.js'

const check = (...args: string[]) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'scripts/long-functions.mjs'), ...args], { cwd: repoRoot, encoding: 'utf8' })

test('no function of the release path is over 80 lines', () => {
  const r = check()
  expect(r.stdout).toMatch(/^none over 80 lines \(longest: \S+ \d+\)$/m)
  expect(r.status).toBe(0)
})

test('the check finds a long function: with a lower limit it lists each one over it and fails', () => {
  const r = check('--max', '20', 'cli/release/pipeline.ts')
  expect(r.stdout).toMatch(/^ +\d+ {2}cli\/release\/pipeline\.ts:\d+ {2}buildSteps$/m)
  expect(r.stdout).toMatch(/^\d+ function\(s\) over 20 lines$/m)
  expect(r.status).toBe(1)
})
