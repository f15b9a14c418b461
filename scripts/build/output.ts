import { randomBytes } from 'node:crypto'
import { access, rename, rm } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'

/**
 * A fresh directory beside `out` (same filesystem, so the final rename is cheap and atomic).
 *
 * @param out the directory the site will be published to
 */
export function stagingDirFor(out: string): string {
  const target = resolve(out)
  return join(dirname(target), `.${basename(target)}.staging-${randomBytes(4).toString('hex')}`)
}

/**
 * Replaces `out` with `staged`: the old site is moved aside, the new one renamed into place, then the
 * old one removed (or handed back, with `keepRetired`). Readers see either the old or the new site,
 * never a mix.
 *
 * @param staged a completely built site
 * @param out the published location
 * @returns where the old site now is, with `keepRetired` (the caller owns it)
 */
export async function swapIntoPlace(
  staged: string,
  out: string,
  options: { keepRetired?: boolean } = {},
): Promise<string | undefined> {
  const target = resolve(out)
  const retired = `${stagingDirFor(out)}.old`
  const hadPrevious = await exists(target)
  if (hadPrevious) await rename(target, retired)
  try {
    await rename(staged, target)
  } catch (error) {
    if (hadPrevious) await rename(retired, target)
    throw error
  }
  if (!hadPrevious) return undefined
  if (options.keepRetired) return retired
  await rm(retired, { recursive: true, force: true })
  return undefined
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}
