/**
 * A loopback HTTP mirror: serves a directory tree on 127.0.0.1 (the dl.k8s.io or GitHub releases layout)
 * with fault injection (and redirects). The demo, the end-to-end tests and the benchmarks all use it.
 */
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { type AddressInfo } from 'node:net'
import { createServer, type Server } from 'node:http'
import path from 'node:path'

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: number }
  /** Send the headers and half of the body, then destroy the socket (connection reset mid-body). */
  | { kind: 'reset' }
  /** Declare the full length but send only half, then end the connection cleanly. */
  | { kind: 'truncate' }
  /** Wait before answering. */
  | { kind: 'delay'; ms: number }
  /** Serve the body with one byte flipped. */
  | { kind: 'corrupt' }
  /** HTTP/1.0 without Content-Length: the body ends when the server closes the connection (as python3 -m http.server's peers do). */
  | { kind: 'close' }
  /** Answer 302 (or the status given) with Location <to><path>: as dl.k8s.io sends its markers to cdn.dl.k8s.io. */
  | { kind: 'redirect'; to: string; status?: 301 | 302 | 303 | 307 | 308 }

export interface FaultRule {
  /** Matched against the request path. */
  match: RegExp | string
  fault: Fault
  /** How many matching requests get the fault (default: all). */
  times?: number
}

export interface Mirror {
  url: string
  /** Every request path served, in order. */
  requests: string[]
  faults: FaultRule[]
  close(): Promise<void>
}

export async function startMirror(root: string, faults: FaultRule[] = []): Promise<Mirror> {
  const requests: string[] = []
  const rules = faults
  const server: Server = createServer(async (req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    requests.push(urlPath)
    const rule = rules.find(
      (r) => (typeof r.match === 'string' ? urlPath === r.match : r.match.test(urlPath)) && (r.times === undefined || r.times > 0),
    )
    if (rule && rule.times !== undefined) rule.times--
    const fault = rule?.fault
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms))
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, fault.retryAfter ? { 'retry-after': String(fault.retryAfter) } : {})
      res.end(`injected ${fault.status}\n`)
      return
    }
    if (fault?.kind === 'redirect') {
      res.writeHead(fault.status ?? 302, { location: `${fault.to.replace(/\/+$/, '')}${req.url ?? '/'}` })
      res.end()
      return
    }
    const file = path.join(root, path.normalize(urlPath))
    const st = await stat(file).catch(() => undefined)
    if (!file.startsWith(path.resolve(root)) || !st?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' })
      res.end('not found\n')
      return
    }
    if (fault?.kind === 'close') {
      const sock = req.socket
      sock.write('HTTP/1.0 200 OK\r\ncontent-type: application/octet-stream\r\n\r\n')
      createReadStream(file)
        .on('end', () => sock.end())
        .pipe(sock, { end: false })
      return
    }
    if (fault?.kind === 'reset' || fault?.kind === 'truncate' || fault?.kind === 'corrupt') {
      const body = await readFile(file)
      res.writeHead(200, { 'content-length': String(body.length), 'content-type': 'application/octet-stream' })
      if (fault.kind === 'corrupt') {
        body[Math.floor(body.length / 2)] ^= 0xff
        res.end(body)
        return
      }
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
        if (fault.kind === 'reset') {
          if (res.socket?.resetAndDestroy) res.socket.resetAndDestroy()
          else res.destroy()
        } else res.socket?.end()
      })
      return
    }
    res.writeHead(200, { 'content-length': String(st.size), 'content-type': 'application/octet-stream' })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    faults: rules,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
