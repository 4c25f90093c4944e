/** A QR-like square for the preview; the real code (to the verification page) is drawn in the PDF. */
export function QrPlaceholder() {
  const cells: [number, number][] = [];
  // A fixed pattern: the same drawing every render, never mistaken for a scannable code.
  for (let y = 0; y < 21; y++) for (let x = 0; x < 21; x++) if (((x * 7 + y * 13 + x * y) % 5 === 0) !== ((x + y) % 3 === 0)) cells.push([x, y]);
  const finder = (x: number, y: number) => (
    <g key={`${x}-${y}`}>
      <rect x={x} y={y} width="7" height="7" fill="#000" />
      <rect x={x + 1} y={y + 1} width="5" height="5" fill="#fff" />
      <rect x={x + 2} y={y + 2} width="3" height="3" fill="#000" />
    </g>
  );
  const inFinder = (x: number, y: number) => (x < 8 && y < 8) || (x > 12 && y < 8) || (x < 8 && y > 12);
  return (
    <svg viewBox="-1 -1 23 23" width="100%" height="100%" aria-hidden="true" focusable="false" shapeRendering="crispEdges">
      <rect x="-1" y="-1" width="23" height="23" fill="#fff" />
      {cells.filter(([x, y]) => !inFinder(x, y)).map(([x, y]) => (
        <rect key={`${x}.${y}`} x={x} y={y} width="1" height="1" fill="#000" />
      ))}
      {finder(0, 0)}
      {finder(14, 0)}
      {finder(0, 14)}
    </svg>
  );
}
