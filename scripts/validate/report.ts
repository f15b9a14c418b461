import type { SkippedDocument, ValidationReport } from './validate.ts'

/** The validation findings a source carries, if it validated its documents (see `createEmbeddedSource`). */
export function validationReportOf(source: unknown): ValidationReport | undefined {
  const report = (source as { validation?: unknown } | null)?.validation
  if (typeof report !== 'object' || report === null) return undefined
  const candidate = report as Partial<ValidationReport>
  return Array.isArray(candidate.warnings) && Array.isArray(candidate.skipped)
    ? (report as ValidationReport)
    : undefined
}

/** `_build/report.json`: build diagnostics for operators (never linked from the site). */
export interface BuildReport {
  builtAt: string
  /** The same for the same content whichever source it came from (file, archive, live). */
  counts: { warnings: number; skipped: number }
  /** Every warning of the build: validation first, then site data and rich text. */
  warnings: readonly unknown[]
  /** Documents left out of the build, with the reason. */
  skipped: readonly SkippedDocument[]
}

/**
 * Assembles the build report.
 *
 * @param builtAt ISO time of the build
 * @param warnings all warnings of the build (validation warnings included)
 * @param validation the source's validation findings, when it validated
 */
export function buildReport(
  builtAt: string,
  warnings: readonly unknown[],
  validation: ValidationReport | undefined,
): BuildReport {
  const skipped = validation?.skipped ?? []
  return {
    builtAt,
    counts: { warnings: warnings.length, skipped: skipped.length },
    warnings,
    skipped,
  }
}

/** `3 warning(s)` or `3 warning(s), 2 skipped document(s)`, as the build summary line counts them. */
export function countsText(warnings: number, skipped: number): string {
  return skipped > 0 ? `${warnings} warning(s), ${skipped} skipped document(s)` : `${warnings} warning(s)`
}
