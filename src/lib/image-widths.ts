/** The widths a lead image is offered in, for phones, tablets and wide screens. */
export const LEAD_WIDTHS = [400, 800, 1200] as const;

/**
 * The widths to offer an image of `width` pixels in: those of `widths` it
 * can fill without being enlarged, or its own width when it is narrower than
 * all of them (an empty `srcset` is invalid HTML and shows no picture).
 *
 * @example imageWidths(1000) // [400, 800]
 * @example imageWidths(300) // [300]
 */
export function imageWidths(width: number, widths: readonly number[] = LEAD_WIDTHS): number[] {
  const fits = widths.filter((candidate) => candidate <= width);
  return fits.length > 0 ? fits : [width];
}
