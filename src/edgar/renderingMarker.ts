/**
 * SPEC §2.1: `exhibit render` output is marked as a rendering, and importing it is refused —
 * it is not a filed instrument. The mark is a line of its own that the reader keeps seeing
 * whatever the layout (it is outside every schedule and survives parse → render → parse).
 */

export const RENDERING_MARKER = '[RENDERED BY PLAN12B FROM PARSED DATA - NOT A FILED INSTRUMENT]';

/** @example isRenderingMarker('[RENDERED BY PLAN12B FROM PARSED DATA - NOT A FILED INSTRUMENT]') === true */
export function isRenderingMarker(trimmed: string): boolean {
  return trimmed === RENDERING_MARKER;
}
