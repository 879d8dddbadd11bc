/** Stars drawn, not typed: the bundled font subsets carry no star glyph. */
export function Stars({ n, label, size = '1.1em' }: { n: number; label?: string; size?: string }) {
  return (
    <span className="stars" role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true} data-stars={n}>
      {[0, 1, 2].map((i) => (
        <svg key={i} viewBox="0 0 24 24" width={size} height={size} aria-hidden="true">
          <path d="M12 2l2.9 6.3 6.9.7-5.2 4.6 1.5 6.8L12 17l-6.1 3.4 1.5-6.8L2.2 9l6.9-.7z" fill={i < n ? '#ffd43b' : 'none'} stroke="#ffd43b" strokeWidth="1.5" />
        </svg>
      ))}
    </span>
  );
}
