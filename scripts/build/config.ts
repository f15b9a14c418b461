import type { SiteConfig } from '../site-data/index.ts'

/**
 * Site settings from the environment. `SITE_URL` is the public origin used for canonical URLs,
 * feeds and the sitemap; it defaults to the local preview server.
 */
export function siteConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const url = (env.SITE_URL ?? 'http://localhost:8080').replace(/\/+$/, '')
  return {
    title: 'Reel Status',
    description: 'Is your show renewed or cancelled? Status, sources and cast for TV series.',
    url,
    language: 'en',
  }
}
