/**
 * Go build info read from a binary of any architecture, in TypeScript: no Go toolchain needed, and no
 * emulation (the binary is never run). The layout is Go's own reader, golang/go src/debug/buildinfo/buildinfo.go:
 * a 32-byte header `\xff Go buildinf:` (16-aligned) at the start of the `.go.buildinfo` section (else the
 * first writable, non-executable PT_LOAD segment); byte 14 the pointer size, byte 15 flags (bit 1: strings
 * inline, Go >= 1.18; bit 0: big-endian pointers). Inline: two uvarint-length strings after the header (the
 * Go version, the module info). Older (Go 1.13-1.17): two pointers to Go string headers {ptr, len}.
 * The module info text is runtime/debug.BuildInfo.String(), framed by 16-byte sentinels, and is parsed as
 * golang/go src/runtime/debug/mod.go ParseBuildInfo does. formatGoVersionM prints it as `go version -m`.
 */
import { type ElfFile, openElf } from './elf.js'

export interface GoModule {
  path: string
  version: string
  sum: string
  replace?: GoModule
}

export interface GoBuildSetting {
  key: string
  value: string
}

export interface GoBuildInfo {
  /** e.g. go1.19.8 */
  goVersion: string
  /** The main package path (`path` line); '' when the binary carries none. */
  path: string
  main?: GoModule
  deps: GoModule[]
  settings: GoBuildSetting[]
}

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1')
const ALIGN = 16
const HEADER = 32
const SEARCH = 64 * 1024

/** The build info of a Go ELF binary; undefined when file is not ELF or not a Go binary with build info. */
export async function readGoBuildInfo(file: string): Promise<GoBuildInfo | undefined> {
  const elf = await openElf(file)
  if (!elf) return undefined
  try {
    const raw = await readRaw(elf)
    if (!raw) return undefined
    return { ...parseModInfo(raw.mod), goVersion: raw.version }
  } finally {
    await elf.close()
  }
}

/** The two raw strings: Go version and module info (sentinels stripped, '' when absent). */
async function readRaw(elf: ElfFile): Promise<{ version: string; mod: string } | undefined> {
  const section = elf.sections.find((s) => s.name === '.go.buildinfo')
  let data: Buffer | undefined
  if (section && section.type !== 8 /* SHT_NOBITS */) {
    data = await elf.read(section.offset, Math.min(section.size, SEARCH))
  } else {
    const seg = elf.segments.find((p) => p.type === 1 && (p.flags & 3) === 2)
    if (seg) data = await elf.read(seg.offset, Math.min(seg.filesz, SEARCH))
  }
  if (!data) return undefined
  // Find the 16-aligned header.
  let at = 0
  for (;;) {
    const i = data.indexOf(MAGIC, at)
    if (i < 0 || data.length - i < HEADER) return undefined
    if (i % ALIGN === 0) {
      data = data.subarray(i)
      break
    }
    at = i + 1
  }
  const ptrSize = data[14]
  const flags = data[15]
  let version: string
  let mod: string
  if (flags & 2) {
    const v = decodeString(data, HEADER)
    if (!v) return undefined
    const m = decodeString(data, v.next)
    version = v.value
    mod = m?.value ?? ''
  } else {
    if (ptrSize !== 4 && ptrSize !== 8) return undefined
    const big = (flags & 1) !== 0
    const ptr = (b: Buffer, o: number) =>
      ptrSize === 8 ? Number(big ? b.readBigUInt64BE(o) : b.readBigUInt64LE(o)) : big ? b.readUInt32BE(o) : b.readUInt32LE(o)
    const readString = async (addr: number): Promise<string> => {
      const hdr = await elf.readAt(addr, 2 * ptrSize)
      if (!hdr || hdr.length < 2 * ptrSize) return ''
      const len = ptr(hdr, ptrSize)
      if (len === 0 || len > 1 << 24) return ''
      return (await elf.readAt(ptr(hdr, 0), len))?.toString('utf8') ?? ''
    }
    version = await readString(ptr(data, 16))
    mod = await readString(ptr(data, 16 + ptrSize))
  }
  if (!version) return undefined
  mod = mod.length >= 33 && mod[mod.length - 17] === '\n' ? mod.slice(16, mod.length - 16) : ''
  return { version, mod }
}

function decodeString(b: Buffer, at: number): { value: string; next: number } | undefined {
  let len = 0
  let shift = 0
  let i = at
  for (;;) {
    if (i >= b.length || shift > 49) return undefined
    const byte = b[i++]
    len += (byte & 0x7f) * 2 ** shift
    if (!(byte & 0x80)) break
    shift += 7
  }
  if (i + len > b.length) return undefined
  return { value: b.toString('utf8', i, i + len), next: i + len }
}

/** Parse runtime/debug.BuildInfo.String() text (ParseBuildInfo); malformed lines are skipped, not fatal. */
export function parseModInfo(text: string): Omit<GoBuildInfo, 'goVersion'> & { goVersion?: string } {
  const info: Omit<GoBuildInfo, 'goVersion'> & { goVersion?: string } = { path: '', deps: [], settings: [] }
  let last: GoModule | undefined
  for (const line of text.split('\n')) {
    const [word, ...rest] = line.split('\t')
    const body = line.slice(word.length + 1)
    switch (word) {
      case 'go':
        info.goVersion = body
        last = undefined
        break
      case 'path':
        info.path = body
        last = undefined
        break
      case 'mod':
      case 'dep': {
        if (rest.length !== 2 && rest.length !== 3) break
        const m: GoModule = { path: rest[0], version: rest[1], sum: rest[2] ?? '' }
        if (word === 'mod') info.main = m
        else info.deps.push(m)
        last = m
        break
      }
      case '=>':
        if (rest.length === 3 && last) last.replace = { path: rest[0], version: rest[1], sum: rest[2] }
        last = undefined
        break
      case 'build': {
        const kv = splitSetting(body)
        if (kv) info.settings.push(kv)
        last = undefined
        break
      }
    }
  }
  return info
}

function splitSetting(s: string): GoBuildSetting | undefined {
  let key: string
  let rest: string
  if (s.startsWith('"')) {
    const q = quotedPrefix(s)
    if (!q) return undefined
    key = unquote(q)
    rest = s.slice(q.length)
    if (!rest.startsWith('=')) return undefined
    rest = rest.slice(1)
  } else {
    const i = s.indexOf('=')
    if (i < 0) return undefined
    key = s.slice(0, i)
    rest = s.slice(i + 1)
  }
  const value = rest.startsWith('"') && quotedPrefix(rest) === rest ? unquote(rest) : rest
  return { key, value }
}

/** The leading Go double-quoted string literal of s. */
function quotedPrefix(s: string): string | undefined {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++
    else if (s[i] === '"') return s.slice(0, i + 1)
  }
  return undefined
}

/** Unquote a Go strconv.Quote literal (\a \v \xNN are not JSON; the rest is). */
function unquote(q: string): string {
  const bytes: number[] = []
  const body = q.slice(1, -1)
  for (let i = 0; i < body.length; i++) {
    const c = body[i]
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'))
      continue
    }
    const n = body[++i]
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34, "'": 39 }
    if (n in simple) bytes.push(simple[n])
    else if (n === 'x') {
      bytes.push(parseInt(body.slice(i + 1, i + 3), 16))
      i += 2
    } else if (n === 'u' || n === 'U') {
      const len = n === 'u' ? 4 : 8
      bytes.push(...Buffer.from(String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + len), 16)), 'utf8'))
      i += len
    } else if (/[0-7]/.test(n)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8))
      i += 2
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

function quoteGo(s: string): string {
  // strconv.Quote for the printable ASCII/UTF-8 text build settings hold; control characters escaped.
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    const esc: Record<string, string> = {
      '\x07': '\\a',
      '\b': '\\b',
      '\f': '\\f',
      '\n': '\\n',
      '\r': '\\r',
      '\t': '\\t',
      '\v': '\\v',
      '\\': '\\\\',
      '"': '\\"',
    }
    if (esc[ch]) out += esc[ch]
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`
    else out += ch
  }
  return out + '"'
}

/** runtime/debug.BuildInfo.String() without the `go` line, as the binary embeds it. */
export function formatModInfo(info: Omit<GoBuildInfo, 'goVersion'>): string {
  let out = ''
  if (info.path) out += `path\t${info.path}\n`
  const mod = (word: string, m: GoModule) => {
    out += `${word}\t${m.path}\t${m.version}`
    if (m.replace) {
      out += '\n'
      mod('=>', m.replace)
    } else out += `\t${m.sum}`
    out += '\n'
  }
  if (info.main && (info.main.path || info.main.version || info.main.sum)) mod('mod', info.main)
  for (const d of info.deps) mod('dep', d)
  for (const s of info.settings) {
    const key = s.key === '' || /[= \t\r\n"`]/.test(s.key) ? quoteGo(s.key) : s.key
    const value = /[ \t\r\n"`]/.test(s.value) ? quoteGo(s.value) : s.value
    out += `build\t${key}=${value}\n`
  }
  return out
}

/** What `go version -m FILE` prints (golang/go src/cmd/go/internal/version/version.go). */
export function formatGoVersionM(file: string, info: GoBuildInfo): string {
  const mod = formatModInfo(info)
  return `${file}: ${info.goVersion}\n` + (mod ? `\t${mod.slice(0, -1).replace(/\n/g, '\n\t')}\n` : '')
}

/** The purl of a Go module (pkg:golang/<path>@<version>), per the purl spec's golang type. */
export function goPurl(path: string, version?: string): string {
  const name = path
    .split('/')
    .map((p) => encodeURIComponent(p))
    .join('/')
  return `pkg:golang/${name}${version && version !== '(devel)' ? `@${encodeURIComponent(version)}` : ''}`
}
