import type { RuleResult } from './types.ts'

/** Alt text is required as soon as an image is chosen (an empty image field needs none). */
export function validateImageAlt(alt: unknown, image: unknown): RuleResult {
  const hasAsset =
    typeof image === 'object' &&
    image !== null &&
    'asset' in image &&
    typeof (image as { asset?: { _ref?: unknown } }).asset?._ref === 'string'
  if (!hasAsset) return true
  if (typeof alt !== 'string' || alt.trim() === '') {
    return 'Describe the image for readers who cannot see it (alt text is required when an image is set).'
  }
  return true
}
