/**
 * The documentation holds together (issue 21): every relative link and #anchor in README.md and docs/**\/*.md
 * resolves (the file exists; the anchor is the slug GitHub makes of one of the target's headings), no page
 * points at files that are not part of this repository, and each action's reference page carries the
 * inputs/outputs tables its action.yml gives (scripts/action-docs.mjs --check). Each rule also runs on a bad
 * example so it can fail.
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { repoRoot } from './helpers/runner.js'

/** README.md and every markdown page under docs/, repository-relative. */
export function markdownFiles(root: string): string[] {
  const docs = readdirSync(path.join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`)
  return ['README.md', ...docs].sort()
}

/** The text outside fenced code blocks and inline code spans (links and headings in code are not links). */
function prose(markdown: string): string {
  return markdown.replace(/^ *(```|~~~)[^\n]*\n[\s\S]*?^ *\1 *$/gm, '').replace(/`+[^`\n]*`+/g, '')
}

/** GitHub's heading anchor: lowercased, punctuation dropped (not `-` or `_`), spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-')
}

/** Every anchor a page offers: its headings' slugs, a repeated one numbered -1, -2, ... as GitHub does. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const out = new Set<string>()
  const text = markdown.replace(/^ *(```|~~~)[^\n]*\n[\s\S]*?^ *\1 *$/gm, '')
  for (const m of text.matchAll(/^#{1,6} +(.+?) *#* *$/gm)) {
    const base = slug(m[1])
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    out.add(n ? `${base}-${n}` : base)
  }
  return out
}

/** One line per link of `file` (repository-relative) that does not resolve. */
export function linkProblems(root: string, file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8')
  const problems: string[] = []
  for (const m of prose(text).matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = m[1]
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue // https:, mailto:
    const [rel, anchor] = target.split('#', 2)
    const dest = rel ? path.normalize(path.join(path.dirname(file), decodeURIComponent(rel))) : file
    if (dest.startsWith('..') || !existsSync(path.join(root, dest))) {
      problems.push(`${file}: link ${target}: ${dest} does not exist`)
      continue
    }
    if (anchor === undefined) continue
    if (statSync(path.join(root, dest)).isDirectory() || !dest.endsWith('.md')) {
      problems.push(`${file}: link ${target}: #${anchor} in ${dest}, which is not a markdown page`)
      continue
    }
    if (!anchors(readFileSync(path.join(root, dest), 'utf8')).has(decodeURIComponent(anchor)))
      problems.push(`${file}: link ${target}: ${dest} has no heading with the anchor #${anchor}`)
  }
  return problems
}

const files = markdownFiles(repoRoot)

describe('links in README.md and docs/', () => {
  test('the pages are there: README, one page per subject, one reference page per action', () => {
    const actions = readdirSync(path.join(repoRoot, 'actions')).filter((a) => existsSync(path.join(repoRoot, 'actions', a, 'action.yml')))
    for (const page of ['release', 'workflows', 'local-pipeline', 'security', 'benchmarks', 'troubleshooting', 'development'])
      expect(files).toContain(`docs/${page}.md`)
    for (const a of actions) expect(files).toContain(`docs/actions/${a}.md`)
    expect(readFileSync(path.join(repoRoot, 'README.md'), 'utf8').split('\n').length).toBeLessThanOrEqual(250)
  })

  test.each(files)('%s: every relative link and #anchor resolves', (file) => {
    expect(linkProblems(repoRoot, file)).toEqual([])
  })

  test.each(files)('%s: names no file outside this repository (FACTS.md, DESIGN.md, ../shared)', (file) => {
    const text = readFileSync(path.join(repoRoot, file), 'utf8')
    expect(text.match(/FACTS\.md|DESIGN\.md|\.\.\/shared/g)).toBeNull()
  })

  test('the rules fail on bad links, and GitHub slugs are what GitHub makes', () => {
    expect(slug('Five-minute start: release all of Charmed Kubernetes')).toBe('five-minute-start-release-all-of-charmed-kubernetes')
    expect(slug('Releasing all of CDK: `cdk-release.yaml`')).toBe('releasing-all-of-cdk-cdk-releaseyaml')
    expect(slug('`.github/workflows/promote.yml`: edge → beta → candidate → stable')).toBe(
      'githubworkflowspromoteyml-edge--beta--candidate--stable',
    )
    expect(slug("Go's standard library, compiled once (`bench/go-std.ts`)")).toBe('gos-standard-library-compiled-once-benchgo-stdts')
    expect([...anchors('# A\n## B\n## B\n```sh\n# not a heading\n```\n')]).toEqual(['a', 'b', 'b-1'])
    const root = mkdtempSync(path.join(tmpdir(), 'docs-links-'))
    try {
      mkdirSync(path.join(root, 'docs'))
      writeFileSync(path.join(root, 'docs/a.md'), '# A page\n\n## Five-minute start: release all of Charmed Kubernetes\n')
      writeFileSync(
        path.join(root, 'README.md'),
        [
          '# R',
          '[ok](docs/a.md#five-minute-start-release-all-of-charmed-kubernetes) [ok](#r) [web](https://example.com/x.md#y)',
          '[stale](#five-minute-start-release-a-multi-arch-charm) [gone](docs/b.md) [anchor](docs/a.md#nope)',
          '`[in code](nowhere.md)`',
          '```md\n[in a block](nowhere.md)\n```',
        ].join('\n'),
      )
      expect(linkProblems(root, 'README.md')).toEqual([
        'README.md: link #five-minute-start-release-a-multi-arch-charm: README.md has no heading with the anchor #five-minute-start-release-a-multi-arch-charm',
        'README.md: link docs/b.md: docs/b.md does not exist',
        'README.md: link docs/a.md#nope: docs/a.md has no heading with the anchor #nope',
      ])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('scripts/action-docs.mjs (npm run docs)', () => {
  const run = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, [path.join(root, 'scripts/action-docs.mjs'), ...args], { cwd: root, encoding: 'utf8' })

  test('every reference page carries the tables of its action.yml (--check passes)', () => {
    const r = run(repoRoot, '--check')
    expect(r.stdout + r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  test('a stale page fails --check in one line naming it and the fix; npm run docs rewrites only the region', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'action-docs-'))
    try {
      for (const d of ['scripts', 'actions', 'docs/actions']) cpSync(path.join(repoRoot, d), path.join(root, d), { recursive: true })
      symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'))
      const page = path.join(root, 'docs/actions/zero-byte-snaps.md')
      const good = readFileSync(page, 'utf8')
      const yml = path.join(root, 'actions/zero-byte-snaps/action.yml')
      writeFileSync(yml, readFileSync(yml, 'utf8').replace("'Where the empty snaps are written.'", "'Where the | <empty> snaps go.'"))
      const r = run(root, '--check')
      expect(r.status).toBe(1)
      expect(r.stdout).toBe(
        'docs/actions/zero-byte-snaps.md: its inputs/outputs tables differ from actions/zero-byte-snaps/action.yml; run npm run docs\n',
      )
      expect(readFileSync(page, 'utf8')).toBe(good)
      expect(run(root).status).toBe(0)
      const next = readFileSync(page, 'utf8')
      expect(next).toContain('| `output-dir` | `zero-byte-snaps` | Where the \\| \\<empty> snaps go. |')
      expect(next.replace('Where the \\| \\<empty> snaps go.', 'Where the empty snaps are written.')).toBe(good)
      expect(run(root, '--check').status).toBe(0)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
