/**
 * The documentation's caller examples against the workflows they call (issue 17): every ```yaml block of
 * README.md and docs/**\/*.md (the five-minute start, docs/workflows.md's callers) with a job
 * `uses: cdk/build-snaps/.github/workflows/<file>@<ref>` must grant every permission the called workflow's jobs
 * ask for (a called job can only keep or lower the caller's grant; GitHub refuses the run at
 * start-up otherwise), pass only inputs and secrets the called workflow declares (by name: `secrets: inherit`
 * crosses no organization), give every required input, and name the same suite-ref as its @ref. Each rule also
 * runs on a bad example so it can fail. The permission table (docs/workflows.md) and the attestation checks are
 * held to the workflows too.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { type Job, type Workflow, jobPermissions, loadWorkflow, workflowErrors } from './helpers/gh-workflow.js'
import { repoRoot } from './helpers/runner.js'

/** README.md and every page under docs/, one text (each page's blocks and tables stay whole). */
const readme = ['README.md', ...readdirSync(path.join(repoRoot, 'docs'), { recursive: true, encoding: 'utf8' }).map((f) => `docs/${f}`)]
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(path.join(repoRoot, f), 'utf8'))
  .join('\n')
const CALLED = /^cdk\/build-snaps\/\.github\/workflows\/([\w.-]+\.ya?ml)@(.+)$/

interface Caller {
  text: string
  wf: Workflow
  calls: Array<{ id: string; job: Job; file: string; ref: string }>
}

/** Every yaml block of a markdown text that calls one of the suite's workflows. */
export function callerExamples(markdown: string): Caller[] {
  const out: Caller[] = []
  for (const m of markdown.matchAll(/^( *)```yaml\n([\s\S]*?)^\1```/gm)) {
    const text = m[2]
      .split('\n')
      .map((l) => l.slice(m[1].length))
      .join('\n')
    if (!/uses: cdk\/build-snaps\/\.github\/workflows\//.test(text)) continue
    const wf = parse(text) as Workflow
    const calls = Object.entries(wf.jobs).flatMap(([id, job]) => {
      const c = CALLED.exec(job.uses ?? '')
      return c ? [{ id, job, file: c[1], ref: c[2] }] : []
    })
    out.push({ text, wf, calls })
  }
  return out
}

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 }

/** What the called workflow's jobs ask for: scope -> the highest level any job requests. */
export function requested(called: Workflow): Record<string, string> {
  const need: Record<string, string> = {}
  for (const job of Object.values(called.jobs))
    for (const [scope, level] of Object.entries(jobPermissions(called, job)))
      if ((LEVEL[level] ?? 0) > (LEVEL[need[scope]] ?? 0)) need[scope] = level
  return need
}

/** Problems of one calling job against the workflow it calls (empty: none). */
export function callerProblems(caller: Workflow, job: Job, called: Workflow, ref: string): string[] {
  const problems: string[] = []
  const granted = jobPermissions(caller, job)
  for (const [scope, level] of Object.entries(requested(called)))
    if ((LEVEL[granted[scope]] ?? 0) < LEVEL[level])
      problems.push(`permission ${scope}: ${level} not granted (has ${granted[scope] ?? 'none'})`)
  const call = called.on.workflow_call
  if (!call) return [...problems, 'the called workflow has no workflow_call']
  const inputs = call.inputs ?? {}
  for (const k of Object.keys(job.with ?? {})) if (!(k in inputs)) problems.push(`input ${k} is not an input of the called workflow`)
  for (const [k, v] of Object.entries(inputs)) if (v.required && !(k in (job.with ?? {}))) problems.push(`required input ${k} not given`)
  if (job.secrets === 'inherit') problems.push('secrets: inherit (works only within one organization or enterprise); name the secrets')
  else
    for (const k of Object.keys(job.secrets ?? {}))
      if (!(k in (call.secrets ?? {}))) problems.push(`secret ${k} is not a secret of the called workflow`)
  for (const [k, v] of Object.entries(call.secrets ?? {}))
    if (v.required && !(k in ((job.secrets as object) ?? {}))) problems.push(`required secret ${k} not given`)
  const suiteRef = String(job.with?.['suite-ref'] ?? inputs['suite-ref']?.default ?? '')
  if ('suite-ref' in inputs && suiteRef !== ref) problems.push(`suite-ref ${suiteRef} differs from the @${ref} it calls`)
  return problems
}

const examples = callerExamples(readme)

describe("the documentation's caller examples", () => {
  test('there is a release caller, a promote caller and a follow caller (and each block is a valid workflow)', async () => {
    expect(examples.flatMap((e) => e.calls.map((c) => c.file)).sort()).toEqual(['follow.yml', 'promote.yml', 'release.yml', 'release.yml'])
    for (const e of examples) expect(await workflowErrors('caller.yml', e.text)).toEqual([])
    // the parser does report errors (a job calling a workflow cannot also have steps)
    expect(await workflowErrors('bad.yml', `${examples[0].text}    steps:\n      - run: echo\n`)).not.toEqual([])
  })

  test.each(examples.flatMap((e) => e.calls.map((c) => [`${c.file} (job ${c.id})`, e, c] as const)))(
    '%s grants what the called jobs ask for and passes only declared inputs and named secrets',
    (_, e, c) => {
      const called = loadWorkflow(`.github/workflows/${c.file}`)
      expect(callerProblems(e.wf, c.job, called, c.ref)).toEqual([])
      // Every secret the called workflow declares, passed by name (both stores: Charmhub and the Snap Store; follow.yml
      // only the Snap Store).
      const declared = Object.keys(called.on.workflow_call?.secrets ?? {})
      expect(declared).toEqual(
        c.file === 'follow.yml' ? ['SNAPCRAFT_STORE_CREDENTIALS'] : ['CHARMCRAFT_AUTH', 'SNAPCRAFT_STORE_CREDENTIALS'],
      )
      expect(c.job.secrets).toEqual(Object.fromEntries(declared.map((k) => [k, `\${{ secrets.${k} }}`])))
    },
  )

  test('the rules fail on bad callers', () => {
    const release = loadWorkflow('.github/workflows/release.yml')
    const good = examples.find((e) => e.calls[0]?.file === 'release.yml')!
    const job = good.calls[0].job
    const bad: Job = {
      ...job,
      permissions: { contents: 'read' },
      with: { ...job.with, 'no-such-input': 'x', 'suite-ref': 'v2' },
      secrets: 'inherit',
    }
    expect(callerProblems(good.wf, bad, release, 'v1')).toEqual([
      'permission id-token: write not granted (has none)',
      'permission attestations: write not granted (has none)',
      'input no-such-input is not an input of the called workflow',
      'secrets: inherit (works only within one organization or enterprise); name the secrets',
      'suite-ref v2 differs from the @v1 it calls',
    ])
    expect(callerProblems(good.wf, { ...job, secrets: { CHARMHUB: 'x' } }, release, 'v1')).toEqual([
      'secret CHARMHUB is not a secret of the called workflow',
    ])
    const promote = loadWorkflow('.github/workflows/promote.yml')
    const p = examples.find((e) => e.calls[0]?.file === 'promote.yml')!.calls[0].job
    const { channel: _channel, ...withoutChannel } = p.with!
    expect(callerProblems(good.wf, { ...p, with: withoutChannel }, promote, 'v1')).toEqual(['required input channel not given'])
    // the workflow-level grant counts when the job has none
    expect(
      callerProblems(
        { ...good.wf, permissions: { contents: 'read', 'id-token': 'write', attestations: 'write' } },
        { ...job, permissions: undefined },
        release,
        'v1',
      ),
    ).toEqual([])
  })
})

describe("the documentation's permission table and attestation checks", () => {
  test('the table lists, per workflow and job, exactly what each job asks for', () => {
    const rows = [...readme.matchAll(/^\| (release\.yml|promote\.yml|follow\.yml) \| (.+?) \| (.+?) \|$/gm)]
    expect(rows.length).toBeGreaterThan(0)
    const table: Record<string, string> = {}
    for (const [, file, jobs, perms] of rows) {
      const wf = loadWorkflow(`.github/workflows/${file}`)
      const ids = jobs === 'every job' ? Object.keys(wf.jobs) : [...jobs.matchAll(/`([\w-]+)`/g)].map((m) => m[1])
      for (const id of ids) table[`${file}/${id}`] = perms
    }
    for (const file of ['release.yml', 'promote.yml', 'follow.yml']) {
      const wf = loadWorkflow(`.github/workflows/${file}`)
      for (const [id, job] of Object.entries(wf.jobs)) {
        const actual = Object.entries(jobPermissions(wf, job))
          .map(([k, v]) => `\`${k}: ${v}\``)
          .join(', ')
        expect(table[`${file}/${id}`], `${file} job ${id}`).toBe(actual)
      }
    }
  })

  test('the verify line for a called workflow names the signer workflow, which exists here', () => {
    const lines = readme.replace(/\\\n\s*/g, '').match(/gh attestation verify [^\n`]*--signer-workflow [^\n`]*/g) ?? []
    expect(lines.length).toBeGreaterThanOrEqual(2)
    for (const l of lines) {
      const signer = /--signer-workflow (\S+)/.exec(l)![1]
      expect(signer).toBe('cdk/build-snaps/.github/workflows/release.yml')
      expect(l).toMatch(/--repo OWNER\/REPO/)
      expect(Object.keys(loadWorkflow(signer.replace('cdk/build-snaps/', '')).on)).toContain('workflow_call')
    }
  })
})
