/**
 * How fast an action step starts (issue 21), side by side in one run, in turn round by round:
 *   - `node -e 0`, the floor every step pays;
 *   - zero-byte-snaps, the smallest action, whole run as the GitHub runner runs it: node dist/zero-byte-snaps/index.js
 *     with INPUT_* (action.yml's defaults applied), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, on a charm
 *     with two snap resources;
 *   - for every action, a node process that imports dist/actions/index.js and loads that action's code, without
 *     running it: what a step of that action pays before its first line of work.
 * Prints medians and each row's ratio to `node -e 0` (the median of the round-by-round ratios).
 * BASELINE=<dir>: also the same rows for another dist/ (e.g. `git archive <rev> dist | tar -x -C /tmp/base`,
 * then BASELINE=/tmp/base/dist), measured in the same rounds.
 * Run: npx vite-node bench/step-start.ts   (ROUNDS=11 by default)
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, existsSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { inputEnvName } from '../cli/main.js'
import { actionDefaults, repoRoot, tempDir } from '../test/helpers/runner.js'

const rounds = Number(process.env.ROUNDS || 11)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const dists: Record<string, string> = { this: path.join(repoRoot, 'dist') }
if (process.env.BASELINE) dists.baseline = path.resolve(process.env.BASELINE)
const actionNames = readdirSync(path.join(repoRoot, 'actions'))
  .filter((n) => existsSync(path.join(repoRoot, 'actions', n, 'action.yml')))
  .sort()

const work = tempDir('bench-step-start-')
const charm = path.join(work, 'charm')
mkdirSync(charm)
writeFileSync(
  path.join(charm, 'metadata.yaml'),
  'name: kubernetes-worker\nresources:\n  kubectl:\n    type: file\n    filename: kubectl.snap\n  kubelet:\n    type: file\n    filename: kubelet.snap\n',
)
const baseEnv: Record<string, string> = {}
for (const [k, v] of Object.entries(process.env))
  if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('ACTIONS_') && !k.startsWith('GITHUB_')) baseEnv[k] = v

interface Row {
  name: string
  args: string[]
  env?: Record<string, string>
  check?: (stdout: string) => void
}

function zeroByteRow(label: string, dist: string): Row {
  const outputFile = path.join(work, `output-${label}`)
  const summaryFile = path.join(work, `summary-${label}`)
  const env: Record<string, string> = {
    ...baseEnv,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: path.join(work, 'runner_temp'),
    RUNNER_TOOL_CACHE: path.join(work, 'tool_cache'),
  }
  const inputs = { ...actionDefaults('zero-byte-snaps'), charm, 'output-dir': path.join(work, `zb-${label}`) }
  for (const [k, v] of Object.entries(inputs)) env[inputEnvName(k)] = v
  mkdirSync(env.RUNNER_TEMP, { recursive: true })
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  return {
    name: `zero-byte-snaps, whole run (${label})`,
    args: [path.join(dist, 'zero-byte-snaps', 'index.js')],
    env,
    check: () => {
      const out = readFileSync(outputFile, 'utf8')
      if (!out.includes('kubectl=') || !out.includes('kubelet=')) throw new Error(`zero-byte-snaps (${label}): no outputs:\n${out}`)
      writeFileSync(outputFile, '')
      writeFileSync(summaryFile, '')
    },
  }
}

// An action's entry in dist/actions/index.js: a loader of its code (this shape) or, in the one-chunk shape
// before it, its main itself (already loaded by the import).
function loadRow(label: string, dist: string, action: string): Row {
  const url = pathToFileURL(path.join(dist, 'actions', 'index.js')).href
  const script = `const m = await import(${JSON.stringify(url)}); const a = m.actions[${JSON.stringify(action)}]; if (a.length === 0) await a()`
  return { name: `${action}, load (${label})`, args: ['--input-type=module', '-e', script] }
}

const floor: Row = { name: 'node -e 0', args: ['-e', '0'] }
const rows: Row[] = [floor]
for (const [label, dist] of Object.entries(dists)) rows.push(zeroByteRow(label, dist))
for (const action of actionNames) for (const [label, dist] of Object.entries(dists)) rows.push(loadRow(label, dist, action))

function once(row: Row): number {
  const t = performance.now()
  const r = spawnSync(process.execPath, row.args, { cwd: work, env: row.env ?? baseEnv, encoding: 'utf8' })
  const ms = performance.now() - t
  if (r.status !== 0) throw new Error(`${row.name}: exit ${r.status}\n${r.stdout}${r.stderr}`)
  row.check?.(r.stdout)
  return ms
}

try {
  for (const row of rows) once(row) // warm-up: the page cache, not counted
  const times = new Map<Row, number[]>(rows.map((r) => [r, []]))
  const ratios = new Map<Row, number[]>(rows.map((r) => [r, []]))
  for (let i = 0; i < rounds; i++) {
    for (const row of rows) {
      // each row right after a `node -e 0` of its own, so a ratio compares two runs a moment apart
      const base = once(floor)
      const ms = once(row)
      times.get(row)!.push(ms)
      ratios.get(row)!.push(ms / base)
    }
  }
  console.log(`step start-up, median of ${rounds} rounds (each row timed right after a node -e 0 of its own):`)
  const width = Math.max(...rows.map((r) => r.name.length))
  for (const row of rows)
    console.log(
      `  ${row.name.padEnd(width)}  ${median(times.get(row)!).toFixed(0).padStart(5)} ms  ${median(ratios.get(row)!).toFixed(2).padStart(5)} x node -e 0`,
    )
} finally {
  rmSync(work, { recursive: true, force: true })
}
