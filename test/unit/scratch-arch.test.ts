import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { archOrHost, archesOrHost, hostArch } from '../../shared/arch.js'
import { UserError } from '../../shared/errors.js'
import { withScratchDir } from '../../shared/files.js'
import { tempDir } from '../helpers/runner.js'

describe('the arch input or this host', () => {
  test('empty means this host; given, it is parsed in any spelling', () => {
    expect(archOrHost('')).toBe(hostArch())
    expect(archOrHost('ppc64le').debian).toBe('ppc64el')
    expect(archesOrHost('')).toEqual([hostArch()])
    expect(archesOrHost('s390x, arm').map((a) => a.debian)).toEqual(['s390x', 'armhf'])
    expect(() => archOrHost('mips')).toThrow(UserError)
  })
})

describe('withScratchDir', () => {
  test('gives a fresh directory under the parent (created) and removes it after success and after a failure', async () => {
    const parent = path.join(tempDir(), 'not-yet')
    let seen = ''
    expect(
      await withScratchDir(parent, 'x-', async (dir) => {
        seen = dir
        writeFileSync(path.join(dir, 'f'), 'data')
        return 7
      }),
    ).toBe(7)
    expect(path.dirname(seen)).toBe(parent)
    expect(existsSync(seen)).toBe(false)
    await expect(
      withScratchDir(parent, 'x-', async (dir) => {
        seen = dir
        throw new UserError('boom')
      }),
    ).rejects.toThrow('boom')
    expect(existsSync(seen)).toBe(false)
  })
})
