/** The meta/snap.yaml model: build it, validate it (snapd's rules), render it deterministically. */
import { stringify } from 'yaml'
import { ARCH_NAMES } from '../arch.js'
import { UserError } from '../errors.js'

export type Confinement = 'strict' | 'classic' | 'devmode'

export interface SnapApp {
  command: string
  daemon?: 'simple' | 'forking' | 'oneshot' | 'notify'
  'restart-condition'?: 'always' | 'on-success' | 'on-failure' | 'on-abnormal' | 'on-abort' | 'on-watchdog' | 'never'
  plugs?: string[]
  environment?: Record<string, string>
}

export interface SnapYaml {
  name: string
  version: string
  summary: string
  description: string
  architectures: string[]
  base: string
  confinement: Confinement
  grade: 'stable' | 'devel'
  apps: Record<string, SnapApp>
  plugs?: Record<string, unknown>
}

const NAME_RE = /^(?=.*[a-z])[a-z0-9](?:-?[a-z0-9])*$/
const VERSION_RE = /^[a-zA-Z0-9](?:[a-zA-Z0-9:.+~-]{0,30}[a-zA-Z0-9+~])?$/
const APP_RE = /^[a-zA-Z0-9](?:-?[a-zA-Z0-9])*$/
const KNOWN_PLUGS = new Set([
  'home',
  'network',
  'network-bind',
  'network-control',
  'firewall-control',
  'kubernetes-support',
  'mount-observe',
  'system-observe',
  'hardware-observe',
  'removable-media',
  'process-control',
])

/** Every rule violation in one list (empty when valid). */
export function snapYamlProblems(y: SnapYaml): string[] {
  const p: string[] = []
  if (!NAME_RE.test(y.name) || y.name.length > 40)
    p.push(`name '${y.name}' must be 1-40 lower-case letters, digits and single hyphens, with at least one letter`)
  if (!VERSION_RE.test(y.version))
    p.push(`version '${y.version}' must be 1-32 characters of letters, digits and .:+~- and start and end with a letter or digit`)
  if (!y.summary || y.summary.length > 78) p.push('summary must be 1-78 characters')
  if (!y.description) p.push('description must not be empty')
  if (y.architectures.length === 0) p.push('architectures must name at least one architecture')
  for (const a of y.architectures)
    if (!ARCH_NAMES.includes(a)) p.push(`architecture '${a}' is not a snap architecture (${ARCH_NAMES.join(', ')})`)
  if (!['strict', 'classic', 'devmode'].includes(y.confinement)) p.push(`confinement '${y.confinement}' must be strict, classic or devmode`)
  if (!['stable', 'devel'].includes(y.grade)) p.push(`grade '${y.grade}' must be stable or devel`)
  if (!/^(core\d*|bare)$/.test(y.base)) p.push(`base '${y.base}' is not a base snap name`)
  for (const [name, app] of Object.entries(y.apps)) {
    if (!APP_RE.test(name)) p.push(`app name '${name}' is invalid`)
    if (!app.command || app.command.startsWith('/')) p.push(`app '${name}' needs a command relative to the snap`)
    if (app['restart-condition'] && !app.daemon) p.push(`app '${name}' has restart-condition but is not a daemon`)
    if (y.confinement === 'classic' && app.plugs?.length) p.push(`app '${name}' declares plugs, which classic snaps do not use`)
    for (const plug of app.plugs ?? []) if (!KNOWN_PLUGS.has(plug)) p.push(`app '${name}' plugs unknown interface '${plug}'`)
  }
  if (Object.keys(y.apps).length === 0) p.push('a snap needs at least one app')
  return p
}

export function validateSnapYaml(y: SnapYaml): void {
  const problems = snapYamlProblems(y)
  if (problems.length) throw new UserError(`snap ${y.name}: invalid snap.yaml: ${problems.join('; ')}`)
}

/** Render with a fixed key order, so equal models give equal bytes. */
export function renderSnapYaml(y: SnapYaml): string {
  validateSnapYaml(y)
  const ordered = {
    name: y.name,
    version: y.version,
    summary: y.summary,
    description: y.description,
    architectures: y.architectures,
    base: y.base,
    confinement: y.confinement,
    grade: y.grade,
    apps: y.apps,
    ...(y.plugs ? { plugs: y.plugs } : {}),
  }
  return stringify(ordered, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }).replace(
    /^version: (.*)$/m,
    (_m, v: string) => `version: '${v.replace(/^'|'$/g, '')}'`,
  )
}
