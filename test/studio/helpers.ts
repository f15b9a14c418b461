import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { SanityClient, SanityDocument, Source } from 'sanity'
import { createSourceFromConfig, validateDocument } from 'sanity'
import config from '../../studio/sanity.config.ts'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const studioDir = path.join(repoRoot, 'studio')

export interface RecordedQuery {
  query: string
  params: Record<string, unknown>
  apiVersion?: string | undefined
}

/**
 * A stand-in for the Sanity client: records every GROQ query with its params
 * and answers with `respond` (default `null`). No network.
 */
export function createFakeClient(
  respond: (query: string, params: Record<string, unknown>) => unknown = () => null,
) {
  const calls: RecordedQuery[] = []
  const make = (apiVersion?: string): SanityClient => {
    const client = {
      fetch: async (query: string, params: Record<string, unknown> = {}) => {
        calls.push({ query, params, apiVersion })
        return respond(query, params)
      },
      withConfig: (cfg: { apiVersion?: string }) => make(cfg.apiVersion ?? apiVersion),
      config: () => ({
        projectId: 'test',
        dataset: 'test',
        apiVersion: apiVersion ?? '1',
        url: 'https://test.api.sanity.io/v1',
      }),
      getDataUrl: (operation: string, uri = '') =>
        `https://test.api.sanity.io/v1/data/${operation}/test/${uri}`,
      observable: {},
    }
    return client as unknown as SanityClient
  }
  const getClient = (options: { apiVersion: string }) => make(options.apiVersion)
  return { calls, getClient, client: make() }
}

/** A resolved Studio source (schema, templates, i18n …) from the real studio config, offline. */
export async function createTestSource(
  respond?: (query: string, params: Record<string, unknown>) => unknown,
): Promise<{ source: Source; calls: RecordedQuery[] }> {
  const fake = createFakeClient(respond)
  const source = await createSourceFromConfig({
    ...config,
    currentUser: {
      id: 'test-user',
      name: 'Test Editor',
      email: 'editor@example.com',
      role: 'administrator',
      roles: [{ name: 'administrator', title: 'Administrator' }],
    },
    getClient: fake.getClient,
  } as Parameters<typeof createSourceFromConfig>[0])
  return { source, calls: fake.calls }
}

export interface Marker {
  level: string
  path: string
  message: string
}

/** Runs the schema's real validation rules (as the Studio does) and returns flat markers. */
export async function validate(source: Source, document: Record<string, unknown>): Promise<Marker[]> {
  const markers = await validateDocument({
    document: {
      _createdAt: '2024-01-01T00:00:00Z',
      _updatedAt: '2024-01-01T00:00:00Z',
      _rev: 'test',
      ...document,
    } as SanityDocument,
    workspace: source,
    getDocumentExists: async () => true,
    environment: 'studio',
  })
  return markers.map((m) => ({
    level: m.level,
    path: m.path
      .map((segment) =>
        typeof segment === 'object' && segment !== null && '_key' in segment
          ? `[${segment._key}]`
          : String(segment),
      )
      .join('.'),
    message: m.message,
  }))
}

const require = createRequire(import.meta.url)

/** Absolute path of the Sanity CLI entry point (run with the current Node, i.e. Node 24 under npx). */
export function sanityBin(): string {
  const pkgPath = require.resolve('@sanity/cli/package.json')
  const pkg = require(pkgPath) as { bin: string | Record<string, string> }
  const bin = typeof pkg.bin === 'string' ? pkg.bin : (pkg.bin.sanity ?? Object.values(pkg.bin)[0])
  if (!bin) throw new Error('@sanity/cli has no bin entry')
  return path.join(path.dirname(pkgPath), bin)
}

/** Runs `sanity <args>` in `cwd` without telemetry or update checks. */
export function runSanity(args: string[], cwd: string, env: Record<string, string> = {}) {
  const started = Date.now()
  const result = spawnSync(process.execPath, [sanityBin(), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, DO_NOT_TRACK: '1', NO_UPDATE_NOTIFIER: '1', CI: 'true', FORCE_COLOR: '0', ...env },
    maxBuffer: 64 * 1024 * 1024,
  })
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    output: `${result.stdout ?? ''}\n${result.stderr ?? ''}`,
    ms: Date.now() - started,
  }
}
