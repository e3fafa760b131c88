/**
 * A local HTTP server on 127.0.0.1 for the online tests: files and CKAN records from
 * test/fixtures/online (with {{BASE}} replaced by the server's address), and faulty answers
 * on purpose: slow, 5xx (always or the first N times), redirect loops and chains, huge
 * bodies, wrong content types, HEAD refused. Every request is logged for assertions.
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import {createServer as createTlsServer} from 'node:https'
import {createServer as createNetServer, type AddressInfo} from 'node:net'
import {Duplex} from 'node:stream'
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {tmpdir} from 'node:os'
import {afterAll} from 'vitest'
import {fixturesDir} from '../helpers/rule-tester.js'

export const onlineFixtures = join(fixturesDir, 'online')

export interface LoggedRequest {
  method: string
  path: string
  headers: IncomingMessage['headers']
}

export interface TestServer {
  base: string
  requests: LoggedRequest[]
  /** Requests to paths starting with `prefix`. */
  hits(prefix: string): LoggedRequest[]
  close(): Promise<void>
}

const MB = 1024 * 1024

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) {
  res.writeHead(status, {'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...extra})
  res.end(res.req.method === 'HEAD' ? undefined : body)
}

function withBase(text: string, base: string): string {
  return text.replaceAll('{{BASE}}', base)
}

/**
 * With `tls`, one port answers both HTTPS (test/fixtures/online/tls: a self-signed
 * certificate for 127.0.0.1, trusted through NODE_EXTRA_CA_CERTS) and plain HTTP, as a
 * site that redirects between them does; `base` is then the https:// address.
 */
export async function startServer(options: {tls?: boolean} = {}): Promise<TestServer> {
  const requests: LoggedRequest[] = []
  const failures = new Map<string, number>()
  let base = ''
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base)
    const path = url.pathname
    requests.push({method: req.method ?? 'GET', path: `${path}${url.search}`, headers: req.headers})
    const file = /^\/files\/([\w.-]+)$/.exec(path)?.[1]
    if (file && existsSync(join(onlineFixtures, 'files', file))) {
      const type = file.endsWith('.json') ? 'application/json' : file.endsWith('.geojson') ? 'application/geo+json' : file.endsWith('.zip') ? 'application/zip' : 'text/csv; charset=utf-8'
      return send(res, 200, type, readFileSync(join(onlineFixtures, 'files', file)))
    }
    // A download link without an extension (as many portals have): the CSV file of that name.
    const download = /^\/download\/([\w-]+)$/.exec(path)?.[1]
    if (download && existsSync(join(onlineFixtures, 'files', `${download}.csv`))) return send(res, 200, 'text/csv', readFileSync(join(onlineFixtures, 'files', `${download}.csv`)))
    if (path === '/api/3/action/package_show') {
      const id = url.searchParams.get('id') ?? ''
      const record = join(onlineFixtures, 'ckan', `${id.replace(/[^\w-]/g, '')}.json`)
      if (!existsSync(record)) return send(res, 404, 'application/json', JSON.stringify({success: false, error: {message: 'Not found', __type: 'Not Found Error'}}))
      return send(res, 200, 'application/json;charset=utf-8', withBase(readFileSync(record, 'utf8'), base))
    }
    if (path.startsWith('/dataset/') || path.startsWith('/page/') || path.startsWith('/licence/')) return send(res, 200, 'text/html; charset=utf-8', '<!doctype html><title>A web page</title><p>Not data.</p>')
    const status = /^\/status\/(\d{3})/.exec(path)?.[1]
    if (status) return send(res, Number(status), 'text/plain', `status ${status}`)
    if (path.startsWith('/flaky/')) {
      // Fails the first `fail` times it is asked (per path), then serves a CSV.
      const seen = failures.get(path) ?? 0
      failures.set(path, seen + 1)
      if (seen < Number(url.searchParams.get('fail') ?? 1)) return send(res, 503, 'text/plain', 'busy', url.searchParams.has('retry-after') ? {'retry-after': url.searchParams.get('retry-after')!} : {})
      return send(res, 200, 'text/csv', 'Site,Plots\nOld Trafford,12\n')
    }
    if (path.startsWith('/slow')) return // never answers; the client's timeout ends it
    if (path === '/loop/a') return send(res, 302, 'text/plain', '', {location: '/loop/b'})
    if (path === '/loop/b') return send(res, 302, 'text/plain', '', {location: `${base}/loop/a`})
    const chain = /^\/chain\/(\d+)$/.exec(path)?.[1]
    if (chain) return Number(chain) === 0 ? send(res, 200, 'text/html', '<p>arrived</p>') : send(res, 301, 'text/plain', '', {location: `/chain/${Number(chain) - 1}`})
    if (path === '/redirect') return send(res, 302, 'text/plain', '', {location: url.searchParams.get('to') ?? '/'})
    if (path === '/as-html.csv') return send(res, 200, 'text/html; charset=utf-8', '<html><body>Download the CSV from our new site</body></html>')
    if (path === '/as-plain.csv') return send(res, 200, 'text/plain', 'Site,Plots\nSale,8\n')
    if (path === '/as-octets.csv') return send(res, 200, 'application/octet-stream', 'Site,Plots\nSale,8\n')
    if (path === '/zero-head.csv') {
      // Says Content-Length: 0 to HEAD whatever the file, as some servers do.
      if (req.method === 'HEAD') return send(res, 200, 'text/csv', '')
      return send(res, 200, 'text/csv', 'Site,Plots\nSale,8\n')
    }
    if (path === '/no-head.csv') return req.method === 'HEAD' ? send(res, 405, 'text/plain', '') : send(res, 200, 'text/csv', 'Site,Plots\nUrmston,5\n')
    if (path.startsWith('/huge')) {
      // 3 MB of rows; /huge-declared says so in Content-Length, /huge streams without it.
      const header = 'Site,a,b,c,d,e,f,g,h,i\n'
      const row = Buffer.from('Stretford,1,2,3,4,5,6,7,8,9\n')
      const rows = Math.ceil((3 * MB) / row.length)
      res.writeHead(200, {'content-type': 'text/csv', ...(path.startsWith('/huge-declared') ? {'content-length': String(header.length + rows * row.length)} : {})})
      if (req.method === 'HEAD') return res.end()
      res.write(header)
      let sent = 0
      const pump = () => {
        while (sent < rows) {
          sent++
          if (!res.write(row)) return void res.once('drain', pump)
        }
        res.end()
      }
      return pump()
    }
    send(res, 404, 'text/plain', 'not found')
  }
  const plain = createServer(handler)
  const secure = createTlsServer({key: readFileSync(join(onlineFixtures, 'tls', 'key.pem')), cert: readFileSync(join(onlineFixtures, 'tls', 'cert.pem'))}, handler)
  // A TLS connection starts with a handshake record (byte 0x16); anything else is plain HTTP.
  const server = options.tls
    ? createNetServer((socket) =>
        socket.once('data', (first) => {
          socket.pause()
          if (first[0] !== 0x16) {
            socket.unshift(first)
            plain.emit('connection', socket)
            return void socket.resume()
          }
          // TLS reads a net.Socket's handle directly, past the bytes already read: hand it a stream that starts with them.
          const stream = new Duplex({
            read: () => void socket.resume(),
            write: (chunk, encoding, done) => void socket.write(chunk, encoding, done),
            final: (done) => void socket.end(done),
            destroy: (error, done) => {
              socket.destroy(error ?? undefined)
              done(error)
            },
          })
          socket.on('data', (chunk) => stream.push(chunk) || socket.pause())
          socket.on('end', () => stream.push(null))
          socket.on('error', (error) => stream.destroy(error))
          stream.push(first)
          secure.emit('connection', stream)
        }),
      )
    : plain
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    base,
    requests,
    hits: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    close: () =>
      new Promise((resolve) => {
        plain.closeAllConnections()
        secure.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}

/** Folders materialise made for the test file importing this module, removed after its tests. */
const materialised: string[] = []
afterAll(() => {
  for (const dir of materialised.splice(0)) rmSync(dir, {recursive: true, force: true})
})

/** A copy of a fixture folder in a temporary folder, with {{BASE}} replaced in its text files. */
export function materialise(folder: string, base: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'odcheck-online-'))
  materialised.push(dir)
  cpSync(folder, dir, {recursive: true})
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else if (/\.(ya?ml|json|csv)$/.test(name)) writeFileSync(path, withBase(readFileSync(path, 'utf8'), base))
    }
  }
  walk(dir)
  return dir
}
