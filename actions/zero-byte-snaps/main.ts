/**
 * zero-byte-snaps: an empty `<resource>.snap` per snap resource of a charm. The charm treats a zero-byte
 * snap resource as absent and installs the snap from the store instead (docs/upstream.md#zero-byte-snap-placeholder).
 */
import path from 'node:path'
import { UserError } from '../../shared/errors.js'
import { ensureWritableDir, writeFileAtomic } from '../../shared/files.js'
import { splitList } from '../../shared/inputs.js'
import { loadCharm, snapResources } from '../../shared/charm/metadata.js'
import type { Runtime } from '../../shared/runtime.js'
import { checkInputPaths } from '../../shared/paths.js'

export async function main(rt: Runtime): Promise<void> {
  await checkInputPaths({ charm: rt.input('charm') }, 'any')
  const charm = await loadCharm(rt.input('charm', { required: true }))
  const wanted = splitList(rt.input('resources'))
  const declaredSnaps = snapResources(charm)
  let names: string[]
  if (wanted.length > 0) {
    for (const n of wanted) {
      const r = charm.resources.find((x) => x.name === n)
      if (!r)
        throw new UserError(
          `resources: charm ${charm.name} declares no resource '${n}'; its resources are ${charm.resources.map((x) => x.name).join(', ') || '(none)'}`,
        )
      if (r.type !== 'file') throw new UserError(`resources: '${n}' is an ${r.type} resource, not a file; drop it from resources`)
    }
    names = wanted
  } else {
    names = declaredSnaps.map((r) => r.name)
    if (names.length === 0)
      throw new UserError(
        `charm: ${charm.name} declares no file resource ending in .snap (${charm.sources.join(', ')}); name them in the resources input`,
      )
  }
  const outDir = await ensureWritableDir(rt.input('output-dir', { default: 'zero-byte-snaps' }), 'output-dir')
  const files: Record<string, string> = {}
  for (const n of names) {
    const file = path.join(outDir, `${n}.snap`)
    await writeFileAtomic(file, '')
    files[n] = file
  }
  const lines = Object.entries(files).map(([n, f]) => `${n}=${f}`)
  rt.info(`charm ${charm.name}: ${names.length} zero-byte snap resources (installed from the store at deploy time):`)
  for (const l of lines) rt.info(`  ${l}`)
  rt.output('files', files)
  rt.output('resources', lines.join('\n'))
  rt.summary(`### Zero-byte snap resources for ${charm.name}\n\n${names.map((n) => `- \`${n}\` → \`${files[n]}\` (0 bytes)`).join('\n')}`)
}
