/**
 * Node flags for processes that build the site (`npm run build`, the publisher's build worker, the
 * benchmark's builds; package.json repeats them, and a test keeps the two the same).
 *
 * - `--max-semi-space-size=32`: a larger young generation. Rendering rich text and pages makes many
 *   objects that live for one render; with V8's default (16 MB semi-spaces) enough of them outlived
 *   two scavenges to be promoted that the old generation filled with garbage.
 * - `--heap-growing-percent=50`: collect the old generation once it has grown by half of what was
 *   live after the last collection, instead of letting it reach two to three times that. V8's
 *   marking runs concurrently, on a core a build leaves idle.
 *
 * Measured on a 10,000-article build (2 cores): cold peak 770 → ~575 MiB, warm ~600 → ~550 MiB;
 * warm builds take about the same time, cold ones up to ~10% longer (the collector marks more often,
 * mostly on the idle core).
 */
export const BUILD_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--heap-growing-percent=50']

/**
 * Node flags for the publisher's build worker: the build flags, and `--min-semi-space-size=16`. The
 * worker sits idle between publishes, and V8's memory reducer then shrinks the young generation to
 * its minimum; the next webhook build started with a young generation of ~1 MB and ran dozens of
 * scavenges a few milliseconds apart while it grew again. Measured at 10,000 articles (the first
 * three webhook builds after a full build, back-to-back runs): medians 1.14–1.20 s with the flag,
 * 1.30–1.38 s without.
 */
export const WORKER_NODE_FLAGS: readonly string[] = [...BUILD_NODE_FLAGS, '--min-semi-space-size=16']
