/**
 * cdk-release.yaml's architectures (`arches`, `snap-store.arches`): every spelling parseArch takes (x86_64,
 * aarch64, ppc64le, linux/arm64, any case...), as the actions take them, read as the Debian name. The schema
 * says only `x-arch: true` for them; this keyword checks a value against the one architecture table
 * (shared/arch.ts), so no list of names is kept in the schema.
 */
import type { FuncKeywordDefinition, SchemaValidateFunction } from 'ajv'
import { ARCH_NAMES, parseArch } from './arch.js'
import { UserError } from './errors.js'

const names = `${ARCH_NAMES.slice(0, -1).join(', ')} or ${ARCH_NAMES[ARCH_NAMES.length - 1]}`

const checkArch: SchemaValidateFunction = (_schema: boolean, data: string) => {
  try {
    parseArch(data)
    return true
  } catch (e) {
    if (!(e instanceof UserError)) throw e
    checkArch.errors = [
      {
        keyword: 'x-arch',
        message: `'${data}' is not one of ${ARCH_NAMES.join(', ')}; use a Debian architecture name: ${names}`,
        params: { allowedValues: ARCH_NAMES },
      },
    ]
    return false
  }
}

/** The schema keyword `x-arch: true`: a string parseArch takes. */
export const ARCH_KEYWORD: FuncKeywordDefinition = {
  keyword: 'x-arch',
  type: 'string',
  schemaType: 'boolean',
  errors: true,
  validate: checkArch,
}

/**
 * Rewrite a schema-valid description's arches to Debian names, in place, keeping their order. Returns one line
 * per list that names an architecture twice in two spellings (amd64 and x86_64).
 */
export function normaliseArches(desc: { arches: string[]; 'snap-store'?: { arches?: string[] } }): string[] {
  const problems: string[] = []
  const normalise = (field: string, list: string[]): string[] => {
    const out: string[] = []
    for (const given of list) {
      const debian = parseArch(given, field).debian
      const first = list.find((g) => parseArch(g, field).debian === debian)!
      if (out.includes(debian)) problems.push(`${field}: '${first}' and '${given}' are both ${debian}; list it once`)
      else out.push(debian)
    }
    return out
  }
  desc.arches = normalise('arches', desc.arches)
  const store = desc['snap-store']
  if (store?.arches) store.arches = normalise('snap-store.arches', store.arches)
  return problems
}
