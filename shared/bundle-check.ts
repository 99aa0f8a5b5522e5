/**
 * The checks juju makes on a bundle before it deploys anything, as pure code: `checkBundle(yaml, charms)` returns
 * one line per problem, in juju's own words, so that a bundle build-snaps writes is refused HERE (before anything
 * is uploaded, and in the tests) rather than by `juju deploy`.
 *
 * Read in juju's source (docs/upstream.md, "Bundles juju accepts"):
 * - juju/charm bundledata.go (f5d79a5) `BundleData.verifyBundle` and the `bundleDataVerifier`: bundle type,
 *   top-level series / default-base syntax, machines (ids, series, base, each referred to by a placement),
 *   applications (charm URL, revision needs channel, series / base syntax, resources, num_units >= 0,
 *   subordinates without num_units and `to`, `to` placement syntax and targets, too many placements,
 *   exposed-endpoints with expose), relations (two endpoints, `app[:endpoint]` syntax, both applications
 *   defined, not to itself, not twice, provider to requirer with one interface), endpoint bindings;
 *   `normalizeData`: scale and num_units together, placement outside Kubernetes bundles.
 * - juju/juju cmd/juju/application/bundle/bundle.go (juju 3.x) `verifyMixedSeriesBasesMatch`: `series` and
 *   `default-base` (and an application's or a machine's series and base) must name the same Ubuntu release.
 * - juju/juju apiserver/facades/client/application/deploy.go (032eb56) `DeployApplication`: a subordinate is
 *   deployed without units AND without constraints.
 * Not checked: constraint, storage and device syntax (juju parses them with its own grammars), config option
 * types, endpoint inference for relations that name no endpoint, and SAAS offer URLs. Charm-level checks
 * (subordinate, endpoints) apply to the applications whose charm metadata is given (the release's charms); the
 * other applications of a template get the structural checks only.
 */
import { parseAllDocuments } from 'yaml'

/** What the checks need to know of one charm: from its metadata.yaml / charmcraft.yaml. */
export interface BundleCharm {
  subordinate: boolean
  /** Endpoint name → its side and interface (provides, requires, peers, as the charm declares them). */
  endpoints: Record<string, { role: 'provides' | 'requires' | 'peers'; interface: string }>
}

// juju/names v5: application.go, relation.go, machine.go.
const APP = '(?:[a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*)'
const RELATION = '[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*'
const NUMBER = '(?:0|[1-9][0-9]*)'
const VALID_APP = new RegExp(`^${APP}$`)
const VALID_ENDPOINT = new RegExp(`^(${APP}):(${RELATION})$`)
const VALID_MACHINE_ID = new RegExp(`^${NUMBER}$`)
const VALID_PLACEMENT = new RegExp(`^(?:([a-z]+):)?(?:(${APP})(?:/(${NUMBER}))?|(${NUMBER}))$`)
// juju/charm url.go, base.go.
const VALID_SERIES = /^[a-z]+([a-z0-9]+)?$/
const VALID_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*$/
const BASE_OS = new Set(['ubuntu', 'centos', 'windows', 'osx', 'opensuse', 'genericlinux'])
const RISKS = new Set(['stable', 'candidate', 'beta', 'edge'])
const STORAGE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*$/

/** Ubuntu release → series, as juju's corebase knows them (the ones a CK bundle can name). */
export const UBUNTU_SERIES: Record<string, string> = {
  '18.04': 'bionic',
  '20.04': 'focal',
  '22.04': 'jammy',
  '24.04': 'noble',
  '24.10': 'oracular',
  '25.04': 'plucky',
  '25.10': 'questing',
}

/** `ubuntu@22.04` (or `ubuntu@22.04/stable`) → {os, track}; undefined when juju's ParseBase would refuse it. */
export function parseBase(s: string): { os: string; track: string } | undefined {
  const parts = s.split('@')
  if (parts.length !== 2) return undefined
  const os = parts[0].toLowerCase()
  const [track, risk, ...rest] = parts[1].split('/')
  if (!BASE_OS.has(os) || !track || rest.length > 1 || (risk !== undefined && !RISKS.has(risk))) return undefined
  return { os, track }
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const q = (s: unknown) => JSON.stringify(String(s))
/** A list as Go's %q prints a []string: ["a" "b"]. */
const qlist = (l: string[]) => `[${l.map(q).join(' ')}]`
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))

/** The series a base names, when both are given (juju 3.x verifyMixedSeriesBasesMatch); a line when they disagree. */
function seriesBaseLine(series: string, base: string, what: (s: string, b: string) => string): string | undefined {
  if (!series || !base) return undefined
  const b = parseBase(base)
  if (!b) return undefined // reported as an invalid base
  const s = b.os === 'ubuntu' ? UBUNTU_SERIES[b.track] : undefined
  if (!s) return `series for base ${q(base)} not known; drop series and keep ${q(base)}`
  return s === series ? undefined : `${what(series, base)} must match if both supplied`
}

/** A charm URL as a bundle may give it: [ch:|local:][arch/[series/]]name[-revision]; its name and revision. */
function parseCharmUrl(url: string): { schema: string; name: string; revision: number } | undefined {
  const m = /^(?:(ch|local|cs):)?(.*)$/.exec(url)!
  const parts = m[2].split('/')
  if (parts.length > 3 || parts.some((p) => !p)) return undefined
  const last = parts[parts.length - 1]
  const rev = /^(.*)-(\d+)$/.exec(last)
  const name = rev && !VALID_NAME.test(last) ? rev[1] : last
  if (!VALID_NAME.test(name) || m[1] === 'cs') return undefined
  return { schema: m[1] ?? 'ch', name, revision: rev && name !== last ? Number(rev[2]) : -1 }
}

/** A bundle read for the checks: the document, its sections, and the lines found so far. */
interface Bundle {
  bd: Record<string, unknown>
  /** `bundle: kubernetes` (placement by key=value, no machines). */
  k8s: boolean
  apps: Record<string, unknown>
  machines: Record<string, unknown>
  saas: Record<string, unknown>
  /** The metadata of an application's charm, when it is one of the charms given. */
  charmOf: (app: Record<string, unknown>) => BundleCharm | undefined
  /** Machine id → how many placements refer to it. */
  refs: Map<string, number>
  errs: string[]
}

/**
 * Check one bundle (its YAML text; the first document, as juju reads it) against juju's rules. `charms`: the
 * metadata of the charms it deploys, by charm name (`ch:` and a trailing revision ignored). One line per
 * problem, in juju's words; [] when juju would accept it.
 */
export function checkBundle(yamlText: string, charms: Record<string, BundleCharm> = {}): string[] {
  const b = readBundle(yamlText, charms)
  if (typeof b === 'string') return [b]
  normalizeData(b)
  verifyBundleHeader(b)
  verifySaas(b)
  verifyMachines(b)
  if (Object.keys(b.apps).length === 0) b.errs.push('at least one application must be specified')
  for (const [name, app] of Object.entries(b.apps)) verifyApplication(b, name, app)
  const seen = new Set<string>()
  for (const pair of Array.isArray(b.bd.relations) ? (b.bd.relations as unknown[]) : []) verifyRelation(b, pair, seen)
  for (const [id, n] of b.refs) if (n === 0) b.errs.push(`machine ${q(id)} is not referred to by a placement directive`)
  return b.errs
}

/** The first document as a bundle, or the one line saying why it is none. */
function readBundle(yamlText: string, charms: Record<string, BundleCharm>): Bundle | string {
  const docs = parseAllDocuments(yamlText)
  const first = Array.isArray(docs) ? docs[0] : docs
  if (!first) return 'empty bundle'
  if (first.errors.length) return `not valid YAML: ${first.errors[0].message.split('\n')[0]}`
  const bd: unknown = first.toJS()
  if (!isMap(bd)) return 'a bundle is a mapping (applications, relations, ...)'
  const k8s = str(bd.bundle) === 'kubernetes'
  const machines = (isMap(bd.machines) ? bd.machines : {}) as Record<string, unknown>
  return {
    bd,
    k8s,
    apps: (isMap(bd.applications) ? bd.applications : isMap(bd.services) ? bd.services : {}) as Record<string, unknown>,
    machines,
    saas: (isMap(bd.saas) ? bd.saas : {}) as Record<string, unknown>,
    charmOf: (app) => {
      const u = parseCharmUrl(str(app.charm))
      return u ? charms[u.name] : undefined
    },
    refs: new Map<string, number>(k8s ? [] : Object.keys(machines).map((id) => [id, 0])),
    errs: [],
  }
}

/** juju's normalizeData: scale and num_units together, placement outside Kubernetes bundles. */
function normalizeData({ apps, k8s, errs }: Bundle): void {
  for (const [name, app] of Object.entries(apps)) {
    if (!isMap(app)) continue
    if (Number(app.scale) > 0 && Number(app.num_units) > 0) errs.push(`cannot specify both scale and num_units for application ${q(name)}`)
    if (!k8s && app.placement) errs.push(`placement (${str(app.placement)}) not valid for non-Kubernetes application ${q(name)}`)
    if (app.placement && Array.isArray(app.to) && app.to.length)
      errs.push(`cannot specify both placement and to for application ${q(name)}`)
  }
}

/** The bundle itself: its type, machines in a Kubernetes bundle, series and default-base (and that they agree). */
function verifyBundleHeader({ bd, k8s, machines, errs }: Bundle): void {
  const type = str(bd.bundle)
  if (type && !k8s) errs.push(`bundle has an invalid type ${q(type)}`)
  if (k8s && Object.keys(machines).length) errs.push('bundle machines not valid for Kubernetes bundles')
  const series = str(bd.series)
  const defaultBase = str(bd['default-base'])
  if (series && !VALID_SERIES.test(series)) errs.push(`bundle declares an invalid series ${q(series)}`)
  if (defaultBase && !parseBase(defaultBase)) errs.push(`bundle declares an invalid base ${q(defaultBase)}`)
  const mixed = seriesBaseLine(series, defaultBase, (s, b) => `bundle series ${q(s)} and base ${q(b)}`)
  if (mixed) errs.push(mixed)
}

/** SAAS names: valid, and none an application's too. */
function verifySaas({ apps, saas, errs }: Bundle): void {
  for (const name of Object.keys(saas)) {
    if (name in apps) errs.push(`application ${q(name)} already exists with SAAS ${q(name)} name`)
    if (!VALID_APP.test(name)) errs.push(`invalid SAAS name ${q(name)} found`)
  }
}

/** Machines (not in a Kubernetes bundle): ids, series, base, and that the two agree. */
function verifyMachines({ k8s, machines, errs }: Bundle): void {
  for (const [id, m] of k8s ? [] : Object.entries(machines)) {
    if (!VALID_MACHINE_ID.test(id)) errs.push(`invalid machine id ${q(id)} found in machines`)
    if (!isMap(m)) continue
    if (m.series && !VALID_SERIES.test(str(m.series))) errs.push(`invalid series ${q(m.series)} for machine ${q(id)}`)
    if (m.base && !parseBase(str(m.base))) errs.push(`invalid base ${q(m.base)} for machine ${q(id)}`)
    const l = seriesBaseLine(str(m.series), str(m.base), (s, b) => `machine ${q(id)} series ${q(s)} and base ${q(b)}`)
    if (l) errs.push(l)
  }
}

/** An application's num_units as juju counts it (0 when absent or not a whole number). */
const units = (app: unknown) => (isMap(app) && Number.isInteger(app.num_units ?? 0) ? Number(app.num_units ?? 0) : 0)

/** One application, in juju's order: charm, series and base, storage, subordinate, resources, units, placement, expose, bindings. */
function verifyApplication(b: Bundle, name: string, app: unknown): void {
  if (!isMap(app)) {
    b.errs.push(`bundle application for key ${q(name)} is undefined`)
    return
  }
  verifyCharm(b, name, app)
  verifySeriesBase(b, name, app)
  for (const s of Object.keys(isMap(app.storage) ? app.storage : {}))
    if (!STORAGE_NAME.test(s)) b.errs.push(`invalid storage name ${q(s)} in application ${q(name)}`)
  const to = Array.isArray(app.to) ? app.to.map(String) : app.to !== undefined && app.to !== null ? [str(app.to)] : []
  verifySubordinate(b, name, app, to)
  for (const [res, rev] of Object.entries(isMap(app.resources) ? app.resources : {})) {
    if (!res) b.errs.push(`missing resource name on application ${q(name)}`)
    if (typeof rev !== 'string' && !Number.isInteger(rev)) b.errs.push(`resource revision ${q(name)} is not int or string`)
  }
  if (app.num_units !== undefined && !Number.isInteger(app.num_units))
    b.errs.push(`num_units of application ${q(name)} is not a whole number`)
  if (units(app) < 0) b.errs.push(`negative number of units specified on application ${q(name)}`)
  if (b.k8s) verifyKubernetesPlacement(b, name, to)
  else verifyPlacement(b, name, app, to)
  if (isMap(app['exposed-endpoints']) && Object.keys(app['exposed-endpoints']).length && app.expose === true)
    b.errs.push(
      `exposed-endpoints cannot be specified together with "exposed:true" in application ${q(name)} as this poses a security risk when deploying bundles to older controllers`,
    )
  // verifyEndpointBindings
  const meta = b.charmOf(app)
  for (const [ep, space] of Object.entries(isMap(app.bindings) ? app.bindings : {})) {
    if (meta && ep && !(ep in meta.endpoints))
      b.errs.push(
        `application ${q(name)} wants to bind endpoint ${q(ep)} to space ${q(space)}, but the endpoint is not defined by the charm`,
      )
  }
}

/** The charm URL (not a SAAS name; no revision in a ch: URL) and the revision (with a channel, zero or greater). */
function verifyCharm({ saas, errs }: Bundle, name: string, app: Record<string, unknown>): void {
  const charm = str(app.charm)
  if (!charm) errs.push('empty charm path')
  if (name in saas) errs.push(`SAAS ${q(name)} already exists with application ${q(name)} name`)
  const local = charm.startsWith('.') || charm.startsWith('/')
  const url = charm && !local ? parseCharmUrl(charm) : undefined
  if (charm && !local && !url) errs.push(`invalid charm URL in application ${q(name)}: ${q(charm)}`)
  if (url?.schema === 'ch' && url.revision !== -1)
    errs.push(`cannot specify revision in ${q(`ch:${url.name}-${url.revision}`)}, please use revision`)
  if (app.revision !== undefined && app.revision !== null) {
    if (url?.schema === 'ch' && !app.channel)
      errs.push(`application ${q(name)} with a revision requires a channel for future upgrades, please use channel`)
    if (!Number.isInteger(app.revision) || Number(app.revision) < 0)
      errs.push(`the revision for application ${q(name)} must be zero or greater`)
  }
}

/** An application's series and base: each valid, and naming the same Ubuntu release. */
function verifySeriesBase({ errs }: Bundle, name: string, app: Record<string, unknown>): void {
  if (app.series && !VALID_SERIES.test(str(app.series))) errs.push(`application ${q(name)} declares an invalid series ${q(app.series)}`)
  if (app.base && !parseBase(str(app.base))) errs.push(`application ${q(name)} declares an invalid base ${q(app.base)}`)
  const l = seriesBaseLine(str(app.series), str(app.base), (s, b) => `application ${q(name)} series ${q(s)} and base ${q(b)}`)
  if (l) errs.push(l)
}

/** A subordinate runs beside its principal: no placement, no units, no constraints. */
function verifySubordinate(b: Bundle, name: string, app: Record<string, unknown>, to: string[]): void {
  if (!b.charmOf(app)?.subordinate) return
  if (to.length) b.errs.push(`application ${q(name)} is subordinate but specifies unit placement`)
  if (units(app) > 0) b.errs.push(`application ${q(name)} is subordinate but has non-zero num_units`)
  if (str(app.constraints).trim())
    b.errs.push(`application ${q(name)} is subordinate: subordinate application must be deployed without constraints`)
}

/** Placement in a Kubernetes bundle: at most one directive, of key=value pairs. */
function verifyKubernetesPlacement({ errs }: Bundle, name: string, to: string[]): void {
  if (to.length > 1) errs.push(`too many placement directives for application ${q(name)}`)
  else if (to.length === 1 && to[0].split(',').some((kv) => !/^[^=]+=/.test(kv)))
    errs.push(`expected "key=value", got ${q(to[0].split(',').find((kv) => !/^[^=]+=/.test(kv)))} for application ${q(name)}`)
}

/** Placement on machines: no more directives than units, each valid and naming an application unit or machine of the bundle. */
function verifyPlacement({ apps, refs, errs }: Bundle, name: string, app: Record<string, unknown>, to: string[]): void {
  if (units(app) >= 0 && to.length > units(app)) errs.push(`too many units specified in unit placement for application ${q(name)}`)
  for (const p of to) {
    const m = VALID_PLACEMENT.exec(p)
    if (!m || (m[2] === 'new' && m[3] !== undefined)) {
      errs.push(`invalid placement syntax ${q(p)}`)
      continue
    }
    if (m[2] && m[2] !== 'new') {
      if (!(m[2] in apps)) errs.push(`placement ${q(p)} refers to an application not defined in this bundle`)
      else if (m[3] !== undefined && Number(m[3]) >= units(apps[m[2]]))
        errs.push(`placement ${q(p)} specifies a unit greater than the ${units(apps[m[2]])} unit(s) started by the target application`)
    } else if (m[4] !== undefined) {
      if (!refs.has(m[4])) errs.push(`placement ${q(p)} refers to a machine not defined in this bundle`)
      else refs.set(m[4], refs.get(m[4])! + 1)
    }
  }
}

/** One relation: two endpoints of applications (or SAAS) of the bundle, not to itself, not twice; then verifyRelation. */
function verifyRelation(b: Bundle, pair: unknown, seen: Set<string>): void {
  const list = Array.isArray(pair) ? pair.map(String) : [str(pair)]
  if (list.length !== 2) {
    b.errs.push(`relation ${qlist(list)} has ${list.length} endpoint(s), not 2`)
    return
  }
  const eps: { app: string; rel: string }[] = []
  for (const e of list) {
    const m = VALID_ENDPOINT.exec(e)
    const ep = m ? { app: m[1], rel: m[2] } : VALID_APP.test(e) ? { app: e, rel: '' } : undefined
    if (!ep) {
      b.errs.push(`invalid relation syntax ${q(e)}`)
      continue
    }
    if (!(ep.app in b.apps) && !(ep.app in b.saas))
      b.errs.push(`relation ${qlist(list)} refers to application ${q(ep.app)} not defined in this bundle`)
    eps.push(ep)
  }
  if (eps.length !== 2) return
  if (eps[0].app === eps[1].app) b.errs.push(`relation ${qlist(list)} relates an application to itself`)
  const key = eps
    .map((e) => `${e.app}:${e.rel}`)
    .sort()
    .join(' ')
  if (seen.has(key)) b.errs.push(`relation ${qlist(list)} is defined more than once`)
  seen.add(key)
  verifyRelationInterfaces(b, eps)
}

/** juju's verifyRelation, when both endpoints are named and both charms known: defined, provider to requirer, one interface. */
function verifyRelationInterfaces({ apps, charmOf, errs }: Bundle, eps: { app: string; rel: string }[]): void {
  const metas = eps.map((e) => (isMap(apps[e.app]) ? charmOf(apps[e.app] as Record<string, unknown>) : undefined))
  if (!metas[0] || !metas[1] || eps.some((e) => !e.rel) || eps[0].app === eps[1].app) return
  const sides = eps.map((e, i) => {
    const d = metas[i]!.endpoints[e.rel] ?? (e.rel === 'juju-info' ? { role: 'provides' as const, interface: 'juju-info' } : undefined)
    if (!d || d.role === 'peers')
      errs.push(
        `charm ${q(str((apps[e.app] as Record<string, unknown>).charm))} used by application ${q(e.app)} does not define relation ${q(e.rel)}`,
      )
    return d?.role === 'peers' ? undefined : d
  })
  const [a, b] = sides
  if (!a || !b) return
  if (a.role === b.role)
    errs.push(
      `relation ${q(`${eps[0].app}:${eps[0].rel}`)} to ${q(`${eps[1].app}:${eps[1].rel}`)} relates ${a.role === 'provides' ? 'provider to provider' : 'requirer to requirer'}`,
    )
  else if (a.interface !== b.interface) {
    const [p, r] = a.role === 'provides' ? [0, 1] : [1, 0]
    errs.push(
      `mismatched interface between ${q(`${eps[p].app}:${eps[p].rel}`)} and ${q(`${eps[r].app}:${eps[r].rel}`)} (${q(sides[p]!.interface)} vs ${q(sides[r]!.interface)})`,
    )
  }
}
