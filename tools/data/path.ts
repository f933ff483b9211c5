// SVG path data for the world map, written compactly.
const tenths = (n: number) => {
  const s = (n / 10).toString();
  return s.replace(/^(-?)0\./, "$1.");
};

/**
 * d3's path data (M, L and Z commands, absolute) on a grid of tenths — plenty
 * at popup size — written as relative moves ("l.3-1.2"), without the moves
 * that rounding made empty: the same drawing in about half the bytes.
 */
export function compactPath(d: string): string {
  let out = "";
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let last = "";
  for (const [, cmd, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (cmd === "Z") {
      out += "z";
      last = "z";
      x = startX; // a closed subpath leaves the pen at its start
      y = startY;
      continue;
    }
    const [ax, ay] = args!.split(",").map((n) => Math.round(Number(n) * 10)) as [number, number];
    const dx = ax - x;
    const dy = ay - y;
    if (cmd === "L" && dx === 0 && dy === 0) continue;
    x = ax;
    y = ay;
    if (cmd === "M") {
      startX = ax;
      startY = ay;
    }
    // The first move is absolute: the string may follow another feature's path.
    const [px, py, letter] = out === "" ? [ax, ay, "M"] : [dx, dy, cmd === "M" ? "m" : "l"];
    const pair = `${tenths(px)}${py < 0 ? "" : ","}${tenths(py)}`;
    // A lineto after a lineto needs no letter: "l1,2 3,4" (a separator unless the number starts with "-").
    if (letter === "l" && last === "l") out += px < 0 ? pair : ` ${pair}`;
    else out += `${letter}${pair}`;
    last = letter;
  }
  return out;
}
