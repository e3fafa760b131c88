/**
 * A local stand-in for http://www.w3.org/2013/csvw/tests/ on 127.0.0.1: serves the suite's
 * files (query strings ignored), sends each test's Link header with its input, and answers
 * /.well-known/csvm with the site-wide templates w3.org publishes.
 */
import {createServer, type Server} from 'node:http'
import {readFile} from 'node:fs/promises'
import {join, normalize, sep} from 'node:path'

export const SITE_WIDE_TEMPLATES = ['{+url}-metadata.json', 'csv-metadata.json', '{+url}.json', 'csvm.json']

export interface SuiteServer {
  /** `http://127.0.0.1:PORT/` */
  base: string
  close(): Promise<void>
}

/** `links`: Link header by path (without query), e.g. `test014/tree-ops.csv`. */
export async function serveSuite(dir: string, links: Record<string, string>): Promise<SuiteServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname).replace(/^\/+/, '')
    if (path === '.well-known/csvm') {
      response.writeHead(200, {'content-type': 'text/plain'})
      response.end(SITE_WIDE_TEMPLATES.join('\n') + '\n')
      return
    }
    const file = normalize(join(dir, path))
    if (!file.startsWith(dir + sep)) {
      response.writeHead(403).end()
      return
    }
    readFile(file).then(
      (body) => {
        const headers: Record<string, string> = {'content-type': path.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json'}
        if (links[path]) headers.link = links[path]
        response.writeHead(200, headers)
        response.end(request.method === 'HEAD' ? undefined : body)
      },
      () => response.writeHead(404, {'content-type': 'text/plain'}).end('not found'),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    base: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
