/**
 * The local runner: `build-snaps <action> --<input> value ...` runs the same bundle the GitHub runner runs
 * (dist/<action>/index.js) under the same contract: INPUT_* variables with the defaults from action.yml,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, RUNNER_TEMP. Workflow commands in its output are shown as
 * plain text; outputs and the summary are printed at the end.
 *
 * `build-snaps demo` is the main job on embedded defaults: it builds stand-in Kubernetes binaries with Go,
 * serves them from a loopback mirror in the dl.k8s.io layout, and builds real snaps for amd64 and s390x.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArches } from '../shared/arch.js'
import { UserError, errorMessage } from '../shared/errors.js'
import { which } from '../shared/exec.js'
import { populateK8sMirror } from './fake-k8s.js'
import { startMirror } from './mirror.js'
import { type Command, command, helpText, parseOptions, synopsis, wantsHelp, wrap } from './options.js'
import { FOLLOW_COMMANDS, followCli } from './follow/cli.js'
import { RELEASE_COMMANDS, releaseCli } from './release.js'
import { verifyArtifactsCli } from './verify-artifacts.js'
import { actionCommand, listActions, runActionLocally, type ActionRun } from './local.js'

export {
  actionCommand,
  humanLine,
  inputEnvName,
  listActions,
  parseOutputFile,
  repoRoot,
  runActionLocally,
  type ActionRun,
} from './local.js'

function printResult(r: ActionRun): void {
  if (Object.keys(r.outputs).length) {
    console.log('\nOutputs:')
    for (const [k, v] of Object.entries(r.outputs)) console.log(`  ${k}: ${v.includes('\n') ? `\n    ${v.split('\n').join('\n    ')}` : v}`)
  }
  if (r.summary.trim()) console.log(`\nSummary:\n${r.summary.trim()}\n`)
}

/** `build-snaps demo`: the parser and the help read this table. */
export const DEMO_COMMAND = command({
  name: 'demo',
  summary:
    'the main job on embedded defaults, offline: stand-in Kubernetes binaries cross-compiled with go, served from a loopback mirror in the dl.k8s.io layout, packed into real snaps by build-k8s-snaps',
  options: [
    { name: 'arch', value: 'ARCHES', help: 'the architectures to build snaps for, separated by spaces or commas', default: 'amd64 s390x' },
    {
      name: 'kube-version',
      value: 'VERSION',
      help: "build-k8s-snaps' kube-version input: an exact version or a marker the mirror resolves",
      default: 'stable-1.31',
    },
    { name: 'output-dir', value: 'DIR', help: 'where the snaps, SHA256SUMS and manifest.json go', default: 'snaps' },
    {
      name: 'version',
      value: 'TAG',
      help: "the version the stand-in binaries report, and the mirror's stable-1.31 marker names",
      default: 'v1.31.2',
    },
  ],
})

/** `build-snaps verify-artifacts DIR`: no options, one operand. */
export const VERIFY_COMMAND = command({
  name: 'verify-artifacts',
  operands: 'DIR',
  summary: 'check each artifact in DIR against its SBOM and the provenance statements, offline; exit 1 on any difference',
  options: [],
})

/** Any action, as the top-level help shows it; each action's own table is its action.yml (actionCommand). */
const ACTION_COMMAND = command({
  name: '<action>',
  summary: 'run one action locally, as the runner does (action.yml defaults, INPUT_* variables, outputs and summary printed)',
  options: [],
  noun: 'input',
})

/** The main job on embedded defaults, offline: loopback mirror of stand-in binaries → snaps for amd64 and s390x. */
async function demo(args: string[]): Promise<number> {
  const o = parseOptions(DEMO_COMMAND, args)
  const arches = parseArches(o.arch)
  if (!which('go'))
    throw new UserError(
      'go is not installed; the demo cross-compiles its stand-in binaries: run bash .ci/setup (or apt-get install golang-go)',
    )
  const root = await mkdtemp(path.join(tmpdir(), 'build-snaps-mirror-'))
  console.log(
    `▶ Building stand-in Kubernetes ${o.version} binaries for ${arches.map((a) => a.debian).join(', ')} with go (cross-compiled, no emulation)`,
  )
  await populateK8sMirror(root, o.version, arches, path.join(tmpdir(), 'build-snaps-fake-k8s'))
  const mirror = await startMirror(root)
  console.log(`▶ Loopback mirror in the dl.k8s.io layout at ${mirror.url}`)
  let failed = 0
  const summaries: string[] = []
  try {
    for (const arch of arches) {
      console.log(
        `\n▶▶ build-k8s-snaps --kube-version ${o['kube-version']} --arch ${arch.debian} --base-url ${mirror.url} --output-dir ${o['output-dir']}`,
      )
      const r = await runActionLocally('build-k8s-snaps', {
        'kube-version': o['kube-version'],
        arch: arch.debian,
        'base-url': mirror.url,
        'output-dir': o['output-dir'],
      })
      if (r.exitCode !== 0) failed++
      summaries.push(r.summary.trim())
    }
  } finally {
    await mirror.close()
    await rm(root, { recursive: true, force: true })
  }
  console.log(`\n${'='.repeat(72)}\nSummary\n${'='.repeat(72)}\n${summaries.join('\n\n')}\n`)
  console.log(
    failed
      ? `${failed} of ${arches.length} architectures failed.`
      : `Snaps for ${arches.map((a) => a.debian).join(' and ')} are in ${path.resolve(o['output-dir'])} (SHA256SUMS beside them).`,
  )
  return failed ? 1 : 0
}

/** Every command and mode, in the order the top-level help lists them. */
export function allCommands(): Command[] {
  return [ACTION_COMMAND, DEMO_COMMAND, VERIFY_COMMAND, ...Object.values(RELEASE_COMMANDS), ...Object.values(FOLLOW_COMMANDS)]
}

/** `build-snaps --help`: every command's usage line, generated from its table, and what it does. */
export function topHelp(): string {
  const entries = allCommands().flatMap((c) => [
    ...synopsis(c, '  '),
    ...wrap('     ', c.summary.split(' '), 6),
    ...(c === ACTION_COMMAND
      ? wrap(
          '      actions:',
          listActions().map((a, i, all) => (i < all.length - 1 ? `${a},` : a)),
          6,
        )
      : []),
  ])
  return [
    'usage: build-snaps <command> [options]',
    '       build-snaps <command> --help    the command (or release mode) in full: each option, its default',
    '',
    'commands:',
    ...entries,
    '',
  ].join('\n')
}

export async function cli(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv
  if (!cmd || cmd === '--help' || cmd === '-h') {
    process.stdout.write(topHelp())
    return cmd ? 0 : 2
  }
  // `build-snaps help release plan` is `build-snaps release plan --help`.
  if (cmd === 'help') return rest.length ? cli([...rest, '--help']) : cli(['--help'])
  if (cmd === 'release') return releaseCli(rest)
  if (cmd === 'follow') return followCli(rest)
  const c: Command = cmd === 'demo' ? DEMO_COMMAND : cmd === 'verify-artifacts' ? VERIFY_COMMAND : actionCommand(cmd)
  if (wantsHelp(rest)) {
    process.stdout.write(helpText(c))
    return 0
  }
  if (cmd === 'demo') return demo(rest)
  if (cmd === 'verify-artifacts') return verifyArtifactsCli(rest)
  const inputs = Object.entries(parseOptions(c, rest)).filter((e): e is [string, string] => e[1] !== undefined)
  const r = await runActionLocally(cmd, Object.fromEntries(inputs))
  printResult(r)
  return r.exitCode
}

/** How long the CLI waits, once its command has finished, for what it left open before it exits anyway. */
const LINGER_MS = 3000

export async function mainCli(): Promise<void> {
  try {
    process.exitCode = await cli(process.argv.slice(2))
  } catch (e) {
    if (e instanceof UserError) {
      console.error(`Error: ${e.message}`)
      process.exitCode = 1
    } else {
      console.error(e instanceof Error ? e.stack : errorMessage(e))
      process.exitCode = 2
    }
  }
  // The command is done (serve-mirror never gets here: it serves until killed). Each path closes what it opened
  // (the loopback mirror in a finally); should one not, the leftover server or socket must not keep the CLI
  // running with its exit code unseen: name it and exit. The timer itself does not hold the process.
  setTimeout(() => {
    const open = process.getActiveResourcesInfo().filter((r) => r !== 'Timeout')
    console.error(`Warning: build-snaps left ${open.join(', ') || 'something'} open after the command finished; exiting`)
    process.exit()
  }, LINGER_MS).unref()
}
