// Small inline SVG icons. Symbols drawn as text (⚙ × ★ ▸) make the browser
// search system fonts for a glyph that has one, which costs the page a
// synchronous font lookup per symbol when the card first paints; paths cost none.

const PATHS = {
  settings:
    'M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Zm5.4 3.3.01-.8-.01-.8 1.5-1.2-1.5-2.6-1.8.7a5 5 0 0 0-1.4-.8L9.9 1.4H6.9l-.3 1.9a5 5 0 0 0-1.4.8l-1.8-.7-1.5 2.6 1.5 1.2a5 5 0 0 0 0 1.6l-1.5 1.2 1.5 2.6 1.8-.7c.4.3.9.6 1.4.8l.3 1.9h3l.3-1.9c.5-.2 1-.5 1.4-.8l1.8.7 1.5-2.6-1.5-1.2Z',
  close: 'M3.5 3.5l9 9m0-9-9 9',
  chevron: 'M6 3.5 10.5 8 6 12.5',
  star: 'M8 1.5l1.9 4.1 4.5.5-3.4 3 1 4.4L8 11.2 4 13.5l1-4.4-3.4-3 4.5-.5Z',
} as const;

export type IconName = keyof typeof PATHS;

/** Decorative: the button or text next to it carries the accessible name. */
export function Icon({ name, filled = false, class: className }: { name: IconName; filled?: boolean; class?: string }) {
  const stroked = name === 'close' || name === 'chevron' || (name === 'star' && !filled);
  return (
    <svg class={className} width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill={stroked ? 'none' : 'currentColor'}
        stroke={stroked ? 'currentColor' : 'none'}
        stroke-width="1.6"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
