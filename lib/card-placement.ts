// Where the card goes: a bottom corner beside the page's text column, not over
// it. Pure: the content script measures the column (without forcing layout) and
// applies the answer to the card's host.

export const CARD_WIDTH = 360;
/** Narrower than this, the card's buttons no longer fit two to a row. */
export const CARD_MIN_WIDTH = 280;
/** From the window's edge, and from the column. */
export const CARD_MARGIN = 16;

export type Side = 'left' | 'right';

export interface Placement {
  side: Side;
  /** px */
  width: number;
}

/**
 * `column`: the main text's left and right edges in the window, or null when
 * unknown. `preferred`: the page's end side (right on left-to-right pages).
 * The card takes a gutter where it fits whole, else the wider gutter if the
 * card still fits narrowed; when no gutter is wide enough (a narrow window),
 * it sits in the preferred corner at full width, as it would anyway.
 */
export function placeCard(windowWidth: number, column: { left: number; right: number } | null, preferred: Side): Placement {
  const fallback: Placement = { side: preferred, width: Math.min(CARD_WIDTH, windowWidth - 2 * CARD_MARGIN) };
  if (!column) return fallback;
  const room: Record<Side, number> = { left: column.left - 2 * CARD_MARGIN, right: windowWidth - column.right - 2 * CARD_MARGIN };
  const other: Side = preferred === 'right' ? 'left' : 'right';
  for (const side of [preferred, other]) if (room[side] >= CARD_WIDTH) return { side, width: CARD_WIDTH };
  const side = room[other] > room[preferred] ? other : preferred;
  return room[side] >= CARD_MIN_WIDTH ? { side, width: Math.floor(room[side]) } : fallback;
}
