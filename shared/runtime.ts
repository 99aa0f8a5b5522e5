/**
 * The one runtime adapter: inputs, outputs, logging, summary, cache and artifacts.
 *
 * Inputs, outputs and the summary always go through the runner contract (INPUT_*, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY, written as @actions/core writes them: ./workflow-commands.ts), the only contract, on
 * GitHub and from the local CLI alike (the CLI sets the same variables). Cache and artifacts use the Actions services when the runner
 * provides them (ACTIONS_RUNTIME_TOKEN) and otherwise a local directory, said once in the log.
 */
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import path from 'node:path'
import { UserError, errorMessage, isUserError } from './errors.js'
import { addSecret, redact } from './log.js'
import { notRunSummary } from './not-run.js'
import { sweepDeadTemps, tempName } from './paths.js'
import * as core from './workflow-commands.js'

export interface InputOptions {
  required?: boolean
  default?: string
}

export class Runtime {
  private readonly summaryParts: string[] = []
  private saidLocal = new Set<string>()

  /** True when the Actions cache/artifact services are reachable (a real runner). */
  readonly onRunner = Boolean(process.env.ACTIONS_RUNTIME_TOKEN)

  input(name: string, opts: InputOptions = {}): string {
    const value = core.getInput(name).trim()
    if (value === '') {
      if (opts.required) throw new UserError(`input '${name}' is required; set it in the step's with: block (or --${name} on the CLI)`)
      return opts.default ?? ''
    }
    return value
  }

  /** A secret input: masked on the runner, redacted from every line this process writes. */
  secretInput(name: string): string {
    const value = core.getInput(name).trim()
    this.secret(value)
    return value
  }

  secret(value: string): void {
    if (!value) return
    addSecret(value)
    if (process.env.GITHUB_ACTIONS === 'true') core.setSecret(value)
  }

  output(name: string, value: unknown): void {
    core.setOutput(name, typeof value === 'string' ? redact(value) : redact(JSON.stringify(value)))
  }

  info(message: string): void {
    core.info(redact(message))
  }

  warning(message: string): void {
    core.warning(redact(message))
  }

  debug(message: string): void {
    core.debug(redact(message))
  }

  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    return core.group(redact(title), fn)
  }

  /** Append markdown to the job summary (written once, when the action ends). */
  summary(markdown: string): void {
    this.summaryParts.push(markdown)
  }

  async writeSummary(): Promise<void> {
    if (this.summaryParts.length === 0 || !process.env.GITHUB_STEP_SUMMARY) return
    await core.appendSummary(redact(this.summaryParts.join('\n\n')))
    this.summaryParts.length = 0
  }

  /** Scratch space: RUNNER_TEMP on a runner, the system temp directory elsewhere. */
  tempRoot(): string {
    return process.env.RUNNER_TEMP || tmpdir()
  }

  /** Where downloads and other persistent caches live: the tool cache on a runner, ~/.cache locally. */
  cacheRoot(): string {
    if (process.env.BUILD_SNAPS_CACHE_DIR) return process.env.BUILD_SNAPS_CACHE_DIR
    if (process.env.RUNNER_TOOL_CACHE) return path.join(process.env.RUNNER_TOOL_CACHE, 'build-snaps')
    return path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'build-snaps')
  }

  private sayLocalOnce(what: string, where: string): void {
    if (this.saidLocal.has(what)) return
    this.saidLocal.add(what)
    this.info(`No GitHub Actions ${what} service here (ACTIONS_RUNTIME_TOKEN is unset): using the local directory ${where}`)
  }

  /** Restore directories saved under key (or the newest key starting with a restore key). Never fails the step. */
  async restoreCache(paths: string[], key: string, restoreKeys: string[] = []): Promise<string | undefined> {
    try {
      if (this.onRunner) {
        const cache = await import('@actions/cache')
        return await cache.restoreCache(paths, key, restoreKeys)
      }
      const root = path.join(this.cacheRoot(), 'actions-cache')
      this.sayLocalOnce('cache', root)
      const hit = await localCacheLookup(root, key, restoreKeys)
      if (!hit) return undefined
      for (const [i, p] of paths.entries()) {
        const src = path.join(root, hit, String(i))
        if (await exists(src)) await cp(src, p, { recursive: true, force: true })
      }
      return hit
    } catch (e) {
      this.warning(`cache restore failed (continuing without it): ${errorMessage(e)}`)
      return undefined
    }
  }

  /** Save directories under key. Never fails the step. */
  async saveCache(paths: string[], key: string): Promise<void> {
    try {
      if (this.onRunner) {
        const cache = await import('@actions/cache')
        await cache.saveCache(paths, key)
        return
      }
      const root = path.join(this.cacheRoot(), 'actions-cache')
      this.sayLocalOnce('cache', root)
      const dest = path.join(root, safeKey(key))
      const tmp = tempName(dest)
      await rm(tmp, { recursive: true, force: true })
      for (const [i, p] of paths.entries()) {
        if (await exists(p)) await cp(p, path.join(tmp, String(i)), { recursive: true })
      }
      await rm(dest, { recursive: true, force: true })
      await mkdir(tmp, { recursive: true })
      await rename(tmp, dest)
    } catch (e) {
      this.warning(`cache save failed (continuing): ${errorMessage(e)}`)
    }
  }

  /** Upload files as one workflow artifact; locally, copy them to <BUILD_SNAPS_ARTIFACT_DIR|artifacts>/<name>. */
  async uploadArtifact(name: string, files: string[], rootDir: string): Promise<string> {
    if (this.onRunner) {
      const { DefaultArtifactClient } = await import('@actions/artifact')
      const res = await new DefaultArtifactClient().uploadArtifact(name, files, rootDir)
      return `artifact ${name} (id ${res.id ?? '?'})`
    }
    const root = process.env.BUILD_SNAPS_ARTIFACT_DIR || 'artifacts'
    const dest = path.resolve(root, name)
    this.sayLocalOnce('artifact', path.resolve(root))
    await mkdir(dest, { recursive: true })
    for (const f of files) await cp(f, path.join(dest, path.relative(rootDir, f)))
    return dest
  }
}

function safeKey(key: string): string {
  return key.replace(/[^A-Za-z0-9._-]+/g, '_')
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  )
}

async function localCacheLookup(root: string, key: string, restoreKeys: string[]): Promise<string | undefined> {
  if (await exists(path.join(root, safeKey(key)))) return safeKey(key)
  const entries = await readdir(root).catch(() => [] as string[])
  for (const prefix of restoreKeys.map(safeKey)) {
    const matches = entries.filter((e) => e.startsWith(prefix) && !e.includes('.tmp-'))
    if (matches.length === 0) continue
    const withTime = await Promise.all(matches.map(async (m) => ({ m, t: (await stat(path.join(root, m))).mtimeMs })))
    withTime.sort((a, b) => b.t - a.t)
    return withTime[0].m
  }
  return undefined
}

/** Where to report a bug (the repository's issue tracker). */
export const BUG_REPORT_URL = 'https://github.com/cdk/build-snaps/issues'

/** The one line a bug (anything but a UserError) ends the step with; its stack goes to the debug log only. */
export function bugLine(action: string, e: unknown): string {
  const first = redact(errorMessage(e)).split('\n')[0]
  return `${action}: internal error: ${first}. This is a bug in build-snaps, not in your inputs; please report it at ${BUG_REPORT_URL} with this step's debug log (re-run with debug logging on)`
}

let failed = false

/** End the step with one ::error:: line: the message of a UserError, else the bug line (stack to core.debug). */
function fail(action: string, e: unknown): string {
  const first = !failed
  failed = true
  if (!isUserError(e)) core.debug(redact(e instanceof Error && e.stack ? e.stack : String(e)))
  const line = isUserError(e) ? redact(e.message) : bugLine(action, e)
  if (first) core.setFailed(line)
  process.exitCode = 1
  return line
}

/**
 * The last guard: an exception or rejection that escapes everything (a stray socket error, a promise
 * nobody awaited) ends the step with one line and exit code 1 instead of Node's stack trace.
 */
function installLastGuard(action: string): void {
  const escaped = (e: unknown) => {
    fail(action, e)
    process.exit(1)
  }
  process.on('uncaughtException', escaped)
  process.on('unhandledRejection', escaped)
}

/**
 * Entry point of every action bundle: run main, end the step with one clear line and exit code 1 on
 * failure (a UserError's message, or the bug line for anything else), write the job summary either way.
 * Before main, the temporary files of killed runs are swept from the caches.
 */
export async function runAction(main: (rt: Runtime) => Promise<void>, action = 'build-snaps'): Promise<void> {
  installLastGuard(action)
  const rt = new Runtime()
  try {
    const cache = rt.cacheRoot()
    await Promise.all([
      sweepDeadTemps(path.join(cache, 'downloads'), 2),
      sweepDeadTemps(path.join(cache, 'snaps')),
      sweepDeadTemps(path.join(cache, 'actions-cache')),
    ])
    await main(rt)
  } catch (e) {
    const line = fail(action, e)
    rt.summary(`**Failed:** ${line}`)
  }
  const notRun = notRunSummary()
  if (notRun) rt.summary(notRun)
  try {
    await rt.writeSummary()
  } catch (e) {
    core.warning(`could not write the job summary: ${redact(errorMessage(e))}`)
  }
}
