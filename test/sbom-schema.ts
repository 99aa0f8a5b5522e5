/** The official SPDX 2.3 JSON schema (spdx/spdx-spec schemas/spdx-schema.json at tag v2.3), compiled with ajv. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { expect } from 'vitest'

const schema = JSON.parse(readFileSync(path.join(import.meta.dirname, 'schemas', 'spdx-2.3.schema.json'), 'utf8'))
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)
const validateSpdx = ajv.compile(schema)

export function expectValidSpdx(doc: unknown): void {
  const ok = validateSpdx(doc)
  expect(ok ? [] : validateSpdx.errors).toEqual([])
}
