#!/usr/bin/env node
// Writes each action's inputs and outputs tables into its reference page: the region of docs/actions/<name>.md
// between <!-- action-docs:inputs --> and <!-- action-docs:end --> is generated from actions/<name>/action.yml
// (the root action.yml is generated from actions/build-k8s-snaps/action.yml by scripts/build.mjs), so the page
// cannot drift from what the runner reads. The prose around the region is hand-written.
// It also writes the CLI's usage into docs/local-pipeline.md (between <!-- cli-help --> and <!-- cli-help:end -->)
// from what the committed CLI prints for --help.
// --check: write nothing; exit 1 with one line per page whose region differs from what would be written (CI).
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')
const BEGIN = '<!-- action-docs:inputs -->'
const END = '<!-- action-docs:end -->'

/** One table cell: one line; `|` escaped everywhere, `<` and `*` outside code spans (GitHub would eat <tag>s). */
function cell(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part.replaceAll('|', '\\|') : part.replace(/([|<*])/g, '\\$1')))
    .join('')
}

const row = (cells) => `|${cells.map((c) => (c ? ` ${c} ` : ' ')).join('|')}|`

/** The generated region (markers included) for one action.yml. */
function region(name, yml) {
  const inputs = Object.entries(yml.inputs ?? {})
  const outputs = Object.entries(yml.outputs ?? {})
  const lines = [BEGIN, `<!-- generated from actions/${name}/action.yml by \`npm run docs\`: edit that file, not these tables -->`, '']
  if (inputs.length) {
    lines.push('| input | default | description |', '|---|---|---|')
    for (const [k, v] of inputs) {
      const def = v?.required ? '(required)' : v?.default !== undefined && v.default !== '' ? `\`${cell(v.default)}\`` : ''
      lines.push(row([`\`${k}\``, def, cell(v?.description)]))
    }
    lines.push('')
  }
  if (outputs.length) {
    lines.push('| output | description |', '|---|---|')
    for (const [k, v] of outputs) lines.push(row([`\`${k}\``, cell(v?.description)]))
    lines.push('')
  }
  lines.push(END)
  return lines.join('\n')
}

const actions = readdirSync(path.join(root, 'actions'))
  .filter((a) => existsSync(path.join(root, 'actions', a, 'action.yml')))
  .sort()
const problems = []
const stale = []
for (const name of actions) {
  const page = `docs/actions/${name}.md`
  const file = path.join(root, page)
  if (!existsSync(file)) {
    problems.push(`${page}: missing; write the page with the markers ${BEGIN} and ${END}, then run npm run docs`)
    continue
  }
  const text = readFileSync(file, 'utf8')
  const a = text.indexOf(BEGIN)
  const b = text.indexOf(END, a)
  if (a < 0 || b < 0) {
    problems.push(`${page}: no ${BEGIN} ... ${END} region; add the two markers, then run npm run docs`)
    continue
  }
  const yml = parse(readFileSync(path.join(root, 'actions', name, 'action.yml'), 'utf8'))
  const next = text.slice(0, a) + region(name, yml) + text.slice(b + END.length)
  if (next === text) continue
  if (check) stale.push(`${page}: its inputs/outputs tables differ from actions/${name}/action.yml; run npm run docs`)
  else {
    writeFileSync(file, next)
    console.log(`wrote ${page}`)
  }
}
// docs/local-pipeline.md: the CLI's usage, the help the committed dist CLI prints, itself generated from the option
// tables the parsers read (cli/main.ts, cli/release/cli.ts); each command's full help is `<command> --help`.
// (Skipped in a tree without the CLI or that page: test/docs-links.test.ts runs this script on a partial copy.)
const cliPage = 'docs/local-pipeline.md'
if (existsSync(path.join(root, cliPage)) && existsSync(path.join(root, 'bin', 'build-snaps.js'))) {
  const page = cliPage
  const file = path.join(root, page)
  const [begin, end] = ['<!-- cli-help -->', '<!-- cli-help:end -->']
  const help = (args) => execFileSync(process.execPath, [path.join(root, 'bin', 'build-snaps.js'), ...args], { encoding: 'utf8' }).trimEnd()
  const generated = [
    begin,
    '<!-- generated from the option tables (cli/main.ts, cli/release/cli.ts) by `npm run docs`: edit those, not this -->',
    '',
    '```text',
    '$ node bin/build-snaps.js --help',
    help(['--help']),
    '',
    '$ node bin/build-snaps.js release --help',
    help(['release', '--help']),
    '```',
    '',
    end,
  ].join('\n')
  const text = readFileSync(file, 'utf8')
  const a = text.indexOf(begin)
  const b = text.indexOf(end, a)
  if (a < 0 || b < 0) problems.push(`${page}: no ${begin} ... ${end} region; add the two markers, then run npm run docs`)
  else {
    const next = text.slice(0, a) + generated + text.slice(b + end.length)
    if (next !== text) {
      if (check) stale.push(`${page}: its CLI usage differs from what the CLI prints (build-snaps --help); run npm run docs`)
      else {
        writeFileSync(file, next)
        console.log(`wrote ${page}`)
      }
    }
  }
}
for (const p of [...problems, ...stale]) console.log(p)
if (problems.length || stale.length) process.exit(1)
