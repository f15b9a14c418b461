import type { IncomingMessage } from 'node:http'

/*
 * Request limits for the webhook endpoint: JSON only, bodies capped (Sanity's projection of
 * `_id`, `_type`, slug and operation is a few hundred bytes; the default cap is 100 KB).
 */

export const DEFAULT_MAX_BODY_BYTES = 100 * 1024

/** An HTTP answer raised while reading a request. */
export class HttpError extends Error {
  readonly status: number
  constructor(status: number, message: string) {
    super(message)
    this.name = 'HttpError'
    this.status = status
  }
}

/** `application/json` or a `+json` type, with at most a utf-8 charset. */
export function isJsonContentType(value: string | null | undefined): boolean {
  if (!value) return false
  const [type = '', ...params] = value.split(';').map((part) => part.trim().toLowerCase())
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) return false
  return params.every((param) => !param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param))
}

/** True when a declared `content-length` is already over the limit. */
export function declaredTooLarge(contentLength: string | null | undefined, maxBytes: number): boolean {
  if (!contentLength) return false
  const length = Number(contentLength)
  return Number.isFinite(length) && length > maxBytes
}

export function tooLarge(maxBytes: number): HttpError {
  return new HttpError(413, `request body is larger than ${maxBytes} bytes`)
}

/**
 * Reads a Node request body up to `maxBytes`. Over the limit it rejects with a 413 and keeps
 * discarding what the client still sends (so the client can read the answer), up to a hard cap,
 * after which the connection is dropped.
 */
export function readNodeBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    const hardCap = Math.max(maxBytes * 10, 1024 * 1024)
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (over) {
        if (size > hardCap) req.destroy()
        return
      }
      if (size > maxBytes) {
        over = true
        chunks.length = 0
        reject(tooLarge(maxBytes))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks))
    })
    req.on('error', (error) => reject(new HttpError(400, `request body could not be read: ${error.message}`)))
    req.on('aborted', () => reject(new HttpError(400, 'request was aborted')))
  })
}

/** Reads a Fetch API request body as UTF-8 up to `maxBytes` (413 beyond). */
export async function readRequestBody(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
