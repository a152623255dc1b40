// One line per measurement, alike in every bench: what was measured, its figure, the
// baseline measured in the same run, their ratio, the target and whether it was met.
//   ok    CSV export, 1,000,000 rows: rows per second     figure 251,000 rows/s · baseline 240,000 rows/s · ratio 1.05 · target ≥ 1.00
// A figure with an absolute target (a memory ceiling, a count) has no baseline and says so.

/** A ratio target: the figure over the baseline at most (times) or at least (throughputs) this. */
export type RatioTarget = { readonly atMost: number } | { readonly atLeast: number }

const LABEL_WIDTH = 62

function verdict(ok: boolean): string {
  return ok ? 'ok  ' : 'MISS'
}

function meets(value: number, target: RatioTarget): boolean {
  return 'atMost' in target ? value <= target.atMost : value >= target.atLeast
}

function targetText(target: RatioTarget, format: (value: number) => string): string {
  return 'atMost' in target ? `≤ ${format(target.atMost)}` : `≥ ${format(target.atLeast)}`
}

/** Milliseconds with one decimal: '152.3 ms'. */
export const ms = (value: number): string => `${value.toFixed(1)} ms`

/** A throughput: '251,000 rows/s'. */
export const perSecond =
  (unit: string) =>
  (value: number): string =>
    `${Math.round(value).toLocaleString('en')} ${unit}/s`

/**
 * `figure · baseline · ratio · target · ok/MISS` for a figure measured beside its
 * baseline; the ratio is figure / baseline. Returns the line and whether it was met.
 */
export function comparison(label: string, figure: number, baseline: number, format: (value: number) => string, target: RatioTarget): { line: string; ok: boolean } {
  const ratio = figure / baseline
  const ok = Number.isFinite(ratio) && meets(ratio, target)
  return { line: `${verdict(ok)}  ${label.padEnd(LABEL_WIDTH)} figure ${format(figure)} · baseline ${format(baseline)} · ratio ${ratio.toFixed(2)} · target ${targetText(target, (v) => v.toFixed(2))}`, ok }
}

/** A figure judged on its own (a memory ceiling, an absolute rate), with its target in words. */
export function absolute(label: string, figure: string, target: string, ok: boolean): string {
  return `${verdict(ok)}  ${label.padEnd(LABEL_WIDTH)} figure ${figure} · target ${target}`
}

/** A figure shown for reference only. */
export function note(label: string, figure: string): string {
  return `      ${label.padEnd(LABEL_WIDTH)} ${figure}`
}

export interface Stats {
  median: number
  p95: number
}

/** Median and 95th percentile of some timings. */
export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN
  return { median: at(0.5), p95: at(0.95) }
}
