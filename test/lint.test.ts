/** What GitHub reads must be valid: action metadata, workflows, the generated root action. */
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { repoRoot } from './helpers/runner.js'

const actions = readdirSync(path.join(repoRoot, 'actions')).filter((a) => existsSync(path.join(repoRoot, 'actions', a, 'action.yml')))

describe('action metadata', () => {
  test.each(actions)('%s: node24, main points at its own dist bundle, which exists', (a) => {
    const y = parse(readFileSync(path.join(repoRoot, 'actions', a, 'action.yml'), 'utf8'))
    expect(y.runs).toEqual({ using: 'node24', main: `../../dist/${a}/index.js` })
    expect(existsSync(path.join(repoRoot, 'dist', a, 'index.js'))).toBe(true)
  })
  test('the root action.yml is build-k8s-snaps with the root-relative bundle path', () => {
    const root = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8'))
    const sub = parse(readFileSync(path.join(repoRoot, 'actions/build-k8s-snaps/action.yml'), 'utf8'))
    expect(root.runs.main).toBe('dist/build-k8s-snaps/index.js')
    expect({ ...root, runs: null }).toEqual({ ...sub, runs: null })
  })
  test('importing a bundle runs it (the runner contract): with no inputs it fails cleanly, naming the required input', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/build-k8s-snaps/index.js')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    })
    expect(r.status).toBe(1)
    expect(r.stdout.trim()).toBe(
      "::error::input 'kube-version' is required; set it in the step's with: block (or --kube-version on the CLI)",
    )
  })
})
