import { linkSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * Hard-links files of one build into another (same filesystem): the new build reuses the bytes
 * without copying them. A linked file must never be written in place afterwards, only replaced, or
 * the old build would change too: the build only links pages that it does not render again.
 *
 * @param from previous build directory
 * @param to new build directory
 * @param files paths relative to both
 * @returns the files that could not be linked because something already exists at their path
 */
export function linkFiles(from: string, to: string, files: readonly string[]): string[] {
  const made = new Set<string>()
  const clashes: string[] = []
  for (const file of files) {
    const target = join(to, file)
    const dir = dirname(target)
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true })
      made.add(dir)
    }
    try {
      linkSync(join(from, file), target)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') clashes.push(file)
      else throw error
    }
  }
  return clashes
}
