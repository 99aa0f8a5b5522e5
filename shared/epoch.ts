/** The timestamp every reproducible artifact carries: SOURCE_DATE_EPOCH, else the commit time, else a constant. */
import { execFileSync } from 'node:child_process'
import { UserError } from './errors.js'

/** 2000-01-01T00:00:00Z: used when there is neither SOURCE_DATE_EPOCH nor a git commit. */
export const FALLBACK_EPOCH = 946684800

export function sourceDateEpoch(env = process.env, cwd = env.GITHUB_WORKSPACE || process.cwd()): number {
  const given = env.SOURCE_DATE_EPOCH?.trim()
  if (given) {
    if (!/^\d+$/.test(given))
      throw new UserError(`SOURCE_DATE_EPOCH: '${given}' is not a whole number of seconds; unset it or give a Unix time`)
    return Number(given)
  }
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim()
    if (/^\d+$/.test(out)) return Number(out)
  } catch {
    // not a git checkout, or no git: fall through
  }
  return FALLBACK_EPOCH
}
