import { describe, expect, it } from 'vitest';
import { CARD_MIN_WIDTH, CARD_WIDTH, placeCard } from '../../lib/card-placement';

const column = (left: number, width: number) => ({ left, right: left + width });

describe('where the card goes', () => {
  it('takes the end gutter at full width when it fits there', () => {
    // A 1440 px window, a 700 px column with a wide margin on the right (a sidebar's place).
    expect(placeCard(1440, column(120, 700), 'right')).toEqual({ side: 'right', width: CARD_WIDTH });
  });

  it('narrows to fit beside a centred column on a laptop screen rather than cover it', () => {
    // 1366 px, a centred 740 px column: 313 px each side, room for a 281 px card.
    const placed = placeCard(1366, column(313, 740), 'right');
    expect(placed.side).toBe('right');
    expect(placed.width).toBeGreaterThanOrEqual(CARD_MIN_WIDTH);
    expect(placed.width).toBeLessThan(CARD_WIDTH);
    expect(1366 - 16 - placed.width).toBeGreaterThanOrEqual(313 + 740 + 16);
  });

  it('moves to the other corner when only that side has room', () => {
    expect(placeCard(1440, column(700, 700), 'right')).toEqual({ side: 'left', width: CARD_WIDTH });
    // A right-to-left page prefers the left corner, and takes the right when the left is the column's.
    expect(placeCard(1440, column(100, 700), 'left')).toEqual({ side: 'right', width: CARD_WIDTH });
    expect(placeCard(1440, column(700, 600), 'left')).toEqual({ side: 'left', width: CARD_WIDTH });
  });

  it('keeps its corner and width when no gutter is wide enough, or the column is unknown', () => {
    expect(placeCard(900, column(100, 700), 'right')).toEqual({ side: 'right', width: CARD_WIDTH });
    expect(placeCard(1440, null, 'left')).toEqual({ side: 'left', width: CARD_WIDTH });
    // A phone-sized window: the card is as wide as the window allows.
    expect(placeCard(320, column(0, 320), 'right')).toEqual({ side: 'right', width: 288 });
  });
});
