/**
 * --help everywhere, generated from the option tables the parsers read (cli/options.ts): every command and
 * release mode prints its usage on stdout and exits 0 through the committed dist CLI, listing exactly the options
 * of its table; the parser takes each of them and refuses any other in one line naming them all; the top-level
 * help shows every command's options; the workflows' `build-snaps.js release <mode>` steps use only options of
 * that mode's table.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { parse } from 'yaml'
import { actionCommand, allCommands, DEMO_COMMAND, listActions, topHelp, VERIFY_COMMAND } from '../cli/main.js'
import { type Command, helpOptionNames, helpText, parseOptions, synopsis, wantsHelp } from '../cli/options.js'
import { FOLLOW_COMMANDS, followHelp } from '../cli/follow/cli.js'
import { RELEASE_COMMANDS, releaseHelp, type ReleaseMode } from '../cli/release.js'
import { repoRoot, tempDir } from './helpers/runner.js'

const cli = (args: string[]) =>
  spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'build-snaps.js'), ...args], {
    cwd: tempDir('bs-help-'),
    encoding: 'utf8',
    timeout: 60_000,
  })

/** Every command line that has a help, with the table its parser reads. */
const COMMANDS: Array<[string, Command]> = [
  ['release', RELEASE_COMMANDS.run],
  ...Object.entries(RELEASE_COMMANDS)
    .filter(([m]) => m !== 'run')
    .map(([m, c]): [string, Command] => [`release ${m}`, c]),
  ['follow', FOLLOW_COMMANDS.run],
  ...Object.entries(FOLLOW_COMMANDS)
    .filter(([m]) => m !== 'run')
    .map(([m, c]): [string, Command] => [`follow ${m}`, c]),
  ['demo', DEMO_COMMAND],
  ['verify-artifacts', VERIFY_COMMAND],
  ...listActions().map((a): [string, Command] => [a, actionCommand(a)]),
]
const names = (c: Command) => c.options.map((o) => o.name)

describe('every command and mode: --help through the dist CLI', () => {
  test.each(COMMANDS)('build-snaps %s --help: usage on stdout, exit 0, exactly the options of its table', (line, c) => {
    const r = cli([...line.split(' '), '--help'])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout.startsWith(`usage: build-snaps ${line}`)).toBe(true)
    expect(r.stdout).toContain(c.summary.split(' ').slice(0, 6).join(' '))
    expect(helpOptionNames(r.stdout)).toEqual(names(c))
    for (const o of c.options) if (o.default) expect(r.stdout.replace(/\s+/g, ' ')).toContain(`default: ${o.default}`)
    // The dist bundle and the source print the same help.
    const [cmd, mode] = line.split(' ')
    expect(r.stdout).toBe(
      cmd === 'release'
        ? releaseHelp((mode ?? 'run') as ReleaseMode)
        : cmd === 'follow'
          ? followHelp((mode ?? 'run') as keyof typeof FOLLOW_COMMANDS)
          : helpText(c),
    )
  })

  test.each([
    ['release', '-h'],
    ['release run', '-h'],
    ['release snaps --config x.yaml', '--help'],
    ['help release snaps', ''],
    ['demo --arch s390x', '-h'],
    ['build-k8s-snaps', '-h'],
  ])('build-snaps %s %s', (line, flag) => {
    const r = cli([...line.split(' '), ...(flag ? [flag] : [])])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^usage: build-snaps /)
    expect(r.stdout).toContain('  -h, --help')
  })

  test('--help and -h at the top: every command with every option of its table, exit 0; no command: the same, exit 2', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = cli([flag])
      expect(r.status).toBe(0)
      expect(r.stdout).toBe(topHelp())
    }
    const top = topHelp()
    for (const c of allCommands()) {
      expect(top).toContain(synopsis(c, '  ').join('\n'))
      for (const o of c.options) expect(top).toContain(`--${o.name} `)
    }
    for (const o of ['--config', '--runners', '--resume', '--promote', '--charmcraft', '--snapcraft']) expect(top).toContain(o)
    for (const a of listActions()) expect(top).toContain(a)
    expect(cli([]).status).toBe(2)
  })
})

describe('the parsers read the tables', () => {
  test.each(COMMANDS.filter(([, c]) => c.options.length))('build-snaps %s takes each option of its table, and no other', (line, c) => {
    const args = c.options.flatMap((o) => [`--${o.name}`, o.choices?.[0] ?? 'v'])
    expect(Object.keys(parseOptions(c, args)).sort()).toEqual(names(c).sort())
    const e = (() => {
      try {
        parseOptions(c, ['--no-such-option', 'x'])
      } catch (err) {
        return (err as Error).message
      }
    })()
    const m = e?.match(/^(.+) has no (option|input) '(?:--)?no-such-option'; its (?:option|input)s are (.*)$/)
    expect(m, e).toBeTruthy()
    expect(m![1]).toBe(line)
    expect(m![3].split(', ').map((n) => n.replace(/^--/, ''))).toEqual(names(c))
  })

  test('an unknown option through the dist CLI: one Error line naming the known ones, exit 1', () => {
    const r = cli(['release', 'plan', '--chanel', '1.31/edge'])
    expect(r.status).toBe(1)
    expect(r.stderr.trim().split('\n')).toEqual([
      "Error: release plan has no option '--chanel'; its options are --config, --channel, --dry-run, --promote, --base-url",
    ])
    const m = cli(['release', 'publish'])
    expect(m.status).toBe(1)
    expect(m.stderr.trim().split('\n')).toEqual([
      "Error: release: unknown mode 'publish'; use run, plan, snaps, record, bundle, checksums, sboms, attested, summarize, serve-mirror (build-snaps release --help)",
    ])
  })

  test('defaults, required options and choices come from the table', () => {
    expect(parseOptions(RELEASE_COMMANDS.run, [])).toMatchObject({ config: 'cdk-release.yaml', 'dry-run': 'true', 'output-dir': 'release' })
    expect(() => parseOptions(RELEASE_COMMANDS.checksums, [])).toThrow(
      "--dir is required: the directory the pack jobs' .charm files were collected into",
    )
    expect(() => parseOptions(RELEASE_COMMANDS.attested, ['--kind', 'slsa', '--url', 'u', '--output', 'o'])).toThrow(
      "--kind: 'slsa' is not provenance or sbom",
    )
    expect(() => parseOptions(RELEASE_COMMANDS.plan, ['plan.yaml'])).toThrow(/^unexpected argument 'plan.yaml'/)
  })

  test('--help is asked for only where an option name stands', () => {
    expect(wantsHelp(['--config', 'x', '-h'])).toBe(true)
    expect(wantsHelp(['--config=x', '--help'])).toBe(true)
    expect(wantsHelp(['--channel', '--help'])).toBe(false) // the channel's value
  })
})

describe("the workflows' release steps use only their mode's options", () => {
  test('every `build-snaps.js release <mode> --option` in .github/workflows is in that mode’s table', () => {
    const dir = path.join(repoRoot, '.github', 'workflows')
    let seen = 0
    for (const f of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n))) {
      const wf = parse(readFileSync(path.join(dir, f), 'utf8')) as { jobs: Record<string, { steps?: Array<{ run?: string }> }> }
      for (const [job, j] of Object.entries(wf.jobs))
        for (const s of j.steps ?? []) {
          const script = (s.run ?? '').replace(/\\\n\s*/g, ' ')
          for (const m of script.matchAll(/build-snaps\.js release((?: [^\n]*)?)/g)) {
            const words = m[1].trim().split(/\s+/)
            const mode = words[0] && !words[0].startsWith('-') ? words[0] : 'run'
            const c = RELEASE_COMMANDS[mode as keyof typeof RELEASE_COMMANDS]
            expect(c, `${f} ${job}: release ${mode}`).toBeDefined()
            const used = [...m[1].matchAll(/(?:^|\s)--([a-z][a-z0-9-]*)/g)].map((x) => x[1])
            for (const u of used) expect(names(c), `${f} ${job}: release ${mode} --${u}`).toContain(u)
            seen++
          }
        }
    }
    expect(seen).toBeGreaterThan(10)
  })

  test('every `build-snaps.js follow <mode> --option` in follow.yml is in that mode’s table, and every mode but run is used', () => {
    const wf = parse(readFileSync(path.join(repoRoot, '.github', 'workflows', 'follow.yml'), 'utf8')) as {
      jobs: Record<string, { steps?: Array<{ run?: string }> }>
    }
    const modes: string[] = []
    for (const [job, j] of Object.entries(wf.jobs))
      for (const s of j.steps ?? [])
        for (const m of (s.run ?? '').matchAll(/build-snaps\.js follow((?: [^\n]*)?)/g)) {
          const [mode, ...rest] = m[1].trim().split(/\s+/)
          const c = FOLLOW_COMMANDS[mode as keyof typeof FOLLOW_COMMANDS]
          expect(c, `follow.yml ${job}: follow ${mode}`).toBeDefined()
          for (const u of rest.join(' ').matchAll(/(?:^|\s)--([a-z][a-z0-9-]*)/g))
            expect(names(c), `follow.yml ${job}: follow ${mode} --${u[1]}`).toContain(u[1])
          modes.push(mode)
        }
    expect(modes.sort()).toEqual(['plan', 'publish', 'summary'])
  })
})
