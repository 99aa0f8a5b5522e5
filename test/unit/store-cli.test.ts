/**
 * The store tool runner (shared/store-cli.ts): a failure is told in the tool's own words; a tool that fails
 * printing nothing is told by its exit code (a real /bin/sh, no mock).
 */
import { expect, test } from 'vitest'
import { Cli, StoreError } from '../../shared/store-cli.js'

test('a store tool that fails silently is reported by its exit code, its words otherwise', async () => {
  const policy = { attempts: 1, backoffMs: 1 }
  const silent = new Cli('/bin/sh', {}, () => undefined, policy)
  const e = await silent.call(['-c', 'exit 3']).catch((x: unknown) => x)
  expect(e).toBeInstanceOf(StoreError)
  expect((e as StoreError).storeMessage).toBe('exit code 3, nothing printed')
  const said = await silent.call(['-c', 'echo "the store says no" >&2; exit 2']).catch((x: unknown) => x)
  expect((said as StoreError).storeMessage).toBe('the store says no')
})
