/**
 * Draws the add-in's icons (assets/icon-16/32/64/80.png): a blue rounded tile with three rising bars
 * and a check mark, i.e. "figures, checked". Supersampled 8× for smooth edges. Run: npx tsx scripts/draw-icons.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";

type Rgba = readonly [number, number, number, number];
const BLUE: Rgba = [15, 108, 189, 255]; // Fluent brand blue
const WHITE: Rgba = [255, 255, 255, 255];
const GOLD: Rgba = [255, 196, 0, 255];

/** Shape tests in a unit square (0..1, y down). */
function roundedSquare(x: number, y: number, r = 0.18): boolean {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

const BARS = [
  { x0: 0.2, x1: 0.32, top: 0.62 },
  { x0: 0.4, x1: 0.52, top: 0.48 },
  { x0: 0.6, x1: 0.72, top: 0.34 },
];

function colourAt(x: number, y: number): Rgba | null {
  if (!roundedSquare(x, y)) return null;
  const check = Math.min(distanceToSegment(x, y, 0.46, 0.3, 0.56, 0.4), distanceToSegment(x, y, 0.56, 0.4, 0.82, 0.14));
  if (check < 0.06) return GOLD;
  if (BARS.some((bar) => x >= bar.x0 && x <= bar.x1 && y >= bar.top && y <= 0.82)) return WHITE;
  return BLUE;
}

export function drawIcon(size: number, samples = 8): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c]! += colour[c]! * colour[3];
          sum[3]! += colour[3];
        }
      }
      const i = (py * size + px) * 4;
      const alpha = sum[3]! / (samples * samples);
      for (let c = 0; c < 3; c++) png.data[i + c] = sum[3]! ? Math.round(sum[c]! / sum[3]!) : 0;
      png.data[i + 3] = Math.round(alpha);
    }
  }
  return png;
}

if (require.main === module) {
  for (const size of [16, 32, 64, 80, 128]) {
    const file = join(__dirname, "..", "assets", `icon-${size}.png`);
    writeFileSync(file, PNG.sync.write(drawIcon(size)));
    console.log(`已写入 ${file}`);
  }
}
