import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import { chmodSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { extractTarGz, readTarGz, safeEntryName, writeTarGz } from '../shared/archive.js'
import { UserError } from '../shared/errors.js'
import { tempDir } from './helpers/runner.js'

const MTIME = 1700000000

function fixtureFiles(dir: string): { exe: string; plain: string } {
  const exe = path.join(dir, 'bridge')
  const plain = path.join(dir, 'notes.txt')
  writeFileSync(exe, Buffer.alloc(3000, 7))
  chmodSync(exe, 0o700)
  writeFileSync(plain, 'hello\n')
  chmodSync(plain, 0o600)
  return { exe, plain }
}

describe('writeTarGz', () => {
  it('writes sorted, normalised entries that GNU tar reads back, byte-identical across runs', async () => {
    const dir = tempDir()
    const { exe, plain } = fixtureFiles(dir)
    const longName = `deep/${'d'.repeat(120)}/${'f'.repeat(110)}`
    const entries = [
      { name: 'zz/BUILD_INFO', data: 'cni-s390x v1.1.1\n' },
      { name: 'bridge', file: exe },
      { name: './notes.txt', file: plain },
      { name: longName, data: 'long' },
      { name: 'link', linkname: 'bridge' },
    ]
    const a = path.join(dir, 'a.tgz')
    const b = path.join(dir, 'b.tgz')
    await writeTarGz(a, entries, { mtime: MTIME })
    await writeTarGz(b, [...entries].reverse(), { mtime: MTIME })
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true)
    // gzip header: no FNAME flag, MTIME 0
    const gz = readFileSync(a)
    expect(gz[3] & 0x08).toBe(0)
    expect(gz.readUInt32LE(4)).toBe(0)

    const listing = execFileSync('tar', ['--numeric-owner', '--full-time', '-tvzf', a], { env: { ...process.env, TZ: 'UTC' } })
      .toString()
      .trim()
      .split('\n')
    const names = listing.map((l) => l.split(/\s+/).slice(5).join(' '))
    expect(names).toEqual([
      'bridge',
      'deep/',
      `deep/${'d'.repeat(120)}/`,
      `${longName}`,
      'link -> bridge',
      'notes.txt',
      'zz/',
      'zz/BUILD_INFO',
    ])
    for (const l of listing) expect(l).toMatch(/^\S+ 0\/0 .* 2023-11-14 22:13:20 /)
    expect(listing[0].startsWith('-rwxr-xr-x')).toBe(true)
    expect(listing.find((l) => l.endsWith('notes.txt'))!.startsWith('-rw-r--r--')).toBe(true)
    expect(listing[1].startsWith('drwxr-xr-x')).toBe(true)

    const out = path.join(dir, 'x')
    mkdirSync(out)
    execFileSync('tar', ['-xzf', a, '-C', out])
    expect(readFileSync(path.join(out, 'bridge')).equals(readFileSync(exe))).toBe(true)
    expect(readFileSync(path.join(out, longName), 'utf8')).toBe('long')
  })

  it('changes bytes when the mtime changes (the epoch is really used)', async () => {
    const dir = tempDir()
    await writeTarGz(path.join(dir, 'a.tgz'), [{ name: 'f', data: 'x' }], { mtime: MTIME })
    await writeTarGz(path.join(dir, 'b.tgz'), [{ name: 'f', data: 'x' }], { mtime: MTIME + 1 })
    expect(readFileSync(path.join(dir, 'a.tgz')).equals(readFileSync(path.join(dir, 'b.tgz')))).toBe(false)
  })

  it('refuses entries that escape the root and leaves no file behind', async () => {
    const dir = tempDir()
    const dest = path.join(dir, 'bad.tgz')
    await expect(writeTarGz(dest, [{ name: '../evil', data: 'x' }], { mtime: MTIME })).rejects.toThrow(/'\.\.\/evil' contains '\.\.'/)
    await expect(writeTarGz(dest, [{ name: '/etc/passwd', data: 'x' }], { mtime: MTIME })).rejects.toThrow(/absolute path/)
    await expect(writeTarGz(dest, [{ name: 'l', linkname: '../../etc' }], { mtime: MTIME })).rejects.toThrow(/points outside/)
    expect(readdirSync(dir)).toEqual([])
  })
})

/**
 * The fixed tree whose tarball was written by the hand-written ustar writer this file replaced (commit
 * ebc9f0f) and by the tar-stream one now. The bytes differ, the archive does not: tar-stream spells the header
 * numbers as GNU tar does ('000755 \0' where the old writer wrote '0000755\0'; uid, gid, size, mtime and
 * checksum likewise), fills devmajor/devminor with octal zeros instead of NULs, names a pax header 'PaxHeader'
 * (the old one 'PaxHeaders/<name>') and splits a long ustar name at the first '/' that fits rather than the last;
 * and gzip now runs at zlib's default level 6 instead of 9 (2.4x faster on Go binaries for 0.3 % more bytes).
 * What tar -x produces (names, order, types, modes, owners, times, data) is what it was, and the new bytes are
 * pinned so that any drift in the library or in our use of it fails here.
 */
const OLD_WRITER_SHA256 = '3944bdf9c5ceb15e1c4e62ba41aa00d4e73f00b612bc0f91e5ba6ad66ad3349a'
const TAR_STREAM_SHA256 = 'f7bad0466606c3142cafc89db1f33c96f6fa5fd5c112e8c9d46c05b78ea8863e'
/** The same tarball gunzipped: the tar stream alone, whatever the gzip level. */
const TAR_STREAM_TAR_SHA256 = 'f9b44cbc72948503fa5f78610fc40f821831deabd3f625a1aec897560031c527'
/** `tar -tv` of the old writer's tarball for that tree (recorded from commit ebc9f0f). */
const OLD_WRITER_LISTING = [
  '-rwxr-xr-x 0/0 3000 2023-11-14 22:13:20 bridge',
  'drwxr-xr-x 0/0 0 2023-11-14 22:13:20 deep/',
  `drwxr-xr-x 0/0 0 2023-11-14 22:13:20 deep/${'d'.repeat(120)}/`,
  `-rw-r--r-- 0/0 4 2023-11-14 22:13:20 deep/${'d'.repeat(120)}/${'f'.repeat(110)}`,
  'lrwxrwxrwx 0/0 0 2023-11-14 22:13:20 link -> bridge',
  '-rw------- 0/0 6 2023-11-14 22:13:20 notes.txt',
  'drwxr-xr-x 0/0 0 2023-11-14 22:13:20 split/',
  `drwxr-xr-x 0/0 0 2023-11-14 22:13:20 split/${'p'.repeat(60)}/`,
  `-rw-r--r-- 0/0 5 2023-11-14 22:13:20 split/${'p'.repeat(60)}/${'q'.repeat(60)}`,
  'drwxr-xr-x 0/0 0 2023-11-14 22:13:20 zz/',
  '-rw-r--r-- 0/0 17 2023-11-14 22:13:20 zz/BUILD_INFO',
]

describe('writeTarGz against the hand-written writer it replaced', () => {
  it('gives the same archive for the fixed tree (same tar -tv listing and data), with pinned bytes', async () => {
    const dir = tempDir()
    const exe = path.join(dir, 'bridge')
    writeFileSync(exe, Buffer.alloc(3000, 7))
    chmodSync(exe, 0o700)
    const tgz = path.join(dir, 'a.tgz')
    await writeTarGz(
      tgz,
      [
        { name: 'zz/BUILD_INFO', data: 'cni-s390x v1.1.1\n' },
        { name: 'bridge', file: exe },
        { name: './notes.txt', data: 'hello\n', mode: 0o600 },
        { name: `deep/${'d'.repeat(120)}/${'f'.repeat(110)}`, data: 'long' },
        { name: `split/${'p'.repeat(60)}/${'q'.repeat(60)}`, data: 'split' },
        { name: 'link', linkname: 'bridge' },
      ],
      { mtime: MTIME },
    )
    const listing = execFileSync('tar', ['--numeric-owner', '--full-time', '-tvzf', tgz], { env: { ...process.env, TZ: 'UTC' } })
      .toString()
      .trim()
      .split('\n')
    expect(listing.map((l) => l.replace(/\s+/g, ' '))).toEqual(OLD_WRITER_LISTING)
    const out = path.join(dir, 'x')
    mkdirSync(out)
    execFileSync('tar', ['-xzf', tgz, '-C', out])
    expect(readFileSync(path.join(out, 'bridge')).equals(Buffer.alloc(3000, 7))).toBe(true)
    expect(readFileSync(path.join(out, `split/${'p'.repeat(60)}/${'q'.repeat(60)}`), 'utf8')).toBe('split')
    const digest = createHash('sha256').update(readFileSync(tgz)).digest('hex')
    expect(digest).not.toBe(OLD_WRITER_SHA256)
    expect(digest).toBe(TAR_STREAM_SHA256)
    expect(
      createHash('sha256')
        .update(gunzipSync(readFileSync(tgz)))
        .digest('hex'),
    ).toBe(TAR_STREAM_TAR_SHA256)
  })
})

describe('readTarGz / extractTarGz', () => {
  it('reads back what GNU tar wrote (names, modes, data)', async () => {
    const dir = tempDir()
    const src = path.join(dir, 'src')
    mkdirSync(path.join(src, 'sub'), { recursive: true })
    writeFileSync(path.join(src, 'sub', 'a'), 'A')
    chmodSync(path.join(src, 'sub', 'a'), 0o755)
    writeFileSync(path.join(src, `${'n'.repeat(150)}`), 'long')
    const tgz = path.join(dir, 'gnu.tgz')
    execFileSync('tar', ['-czf', tgz, '-C', src, '.'])
    const entries = await readTarGz(tgz)
    const files = entries.filter((e) => e.type === 'file')
    expect(files.map((e) => e.name).sort()).toEqual(['n'.repeat(150), 'sub/a'])
    expect(files.find((e) => e.name === 'sub/a')!.mode).toBe(0o755)
    expect(files.find((e) => e.name === 'sub/a')!.data!.toString()).toBe('A')
    // plain (uncompressed) tar too
    const tar = path.join(dir, 'gnu.tar')
    execFileSync('tar', ['-cf', tar, '--format=pax', '-C', src, '.'])
    expect((await readTarGz(tar)).filter((e) => e.type === 'file').length).toBe(2)
  })

  it('refuses a tarball with a ../ entry before writing anything, and removes the target it created', async () => {
    const dir = tempDir()
    mkdirSync(path.join(dir, 'in'))
    writeFileSync(path.join(dir, 'in', 'ok'), 'ok')
    writeFileSync(path.join(dir, 'escape'), 'evil')
    const tgz = path.join(dir, 'evil.tgz')
    // GNU tar with -P keeps the ../ prefix, as a hostile tarball would.
    execFileSync('tar', ['-czPf', tgz, '-C', path.join(dir, 'in'), 'ok', '../escape'])
    expect(execFileSync('tar', ['-tPzf', tgz]).toString()).toContain('../escape')
    await expect(readTarGz(tgz, 'evil.tgz')).rejects.toThrow(UserError)
    const target = path.join(dir, 'out', 'deeper')
    await expect(extractTarGz(tgz, target, 'evil.tgz')).rejects.toThrow(/evil\.tgz: entry '\.\.\/escape' contains '\.\.'/)
    expect(existsSync(target)).toBe(false)
  })

  it('refuses a symlink pointing outside and a write through an archive symlink', async () => {
    const dir = tempDir()
    const src = path.join(dir, 'src')
    mkdirSync(src)
    execFileSync('ln', ['-s', '/etc', path.join(src, 'etc')])
    const tgz = path.join(dir, 'link.tgz')
    execFileSync('tar', ['-czf', tgz, '-C', src, 'etc'])
    await expect(readTarGz(tgz)).rejects.toThrow(/points outside/)
  })

  it('extracts files with their modes and in-archive symlinks', async () => {
    const dir = tempDir()
    const tgz = path.join(dir, 'a.tgz')
    await writeTarGz(
      tgz,
      [
        { name: 'bin/tool', data: '#!/bin/sh\n', mode: 0o755 },
        { name: 'tool', linkname: 'bin/tool' },
      ],
      { mtime: MTIME },
    )
    const out = path.join(dir, 'out')
    expect(await extractTarGz(tgz, out)).toEqual(['bin', 'bin/tool', 'tool'])
    expect(statSync(path.join(out, 'bin/tool')).mode & 0o777).toBe(0o755)
    expect(readlinkSync(path.join(out, 'tool'))).toBe('bin/tool')
  })

  it('refuses a hard link and a truncated archive', async () => {
    const dir = tempDir()
    const src = path.join(dir, 'src')
    mkdirSync(src)
    writeFileSync(path.join(src, 'a'), 'A')
    execFileSync('ln', [path.join(src, 'a'), path.join(src, 'b')])
    const tgz = path.join(dir, 'hard.tgz')
    execFileSync('tar', ['-czf', tgz, '-C', src, 'a', 'b'])
    await expect(readTarGz(tgz)).rejects.toThrow(/'b' is a hard link/)
    const big = path.join(dir, 'big.tar')
    writeFileSync(path.join(src, 'c'), Buffer.alloc(5000, 1))
    execFileSync('tar', ['-cf', big, '-C', src, 'c'])
    writeFileSync(big, readFileSync(big).subarray(0, 2048))
    await expect(readTarGz(big)).rejects.toThrow(/truncated tar archive/)
  })

  it('says a non-gzip, non-tar file is not a tar archive', async () => {
    const dir = tempDir()
    const f = path.join(dir, 'x.tgz')
    writeFileSync(f, Buffer.alloc(1024, 65))
    await expect(readTarGz(f)).rejects.toThrow(/not a tar archive/)
    writeFileSync(f, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.alloc(100, 1)]))
    await expect(readTarGz(f)).rejects.toThrow(/not a valid gzip/)
  })

  it('safeEntryName drops ./ and keeps relative names', () => {
    expect(safeEntryName('./a/./b', 't')).toBe('a/b')
    expect(() => safeEntryName('a/../../b', 't')).toThrow(UserError)
  })
})
