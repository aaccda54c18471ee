// Draws the two Teams app icons and writes them next to the manifest:
//   color.png   192×192, a white speech bubble on the bureau's teal (the colour icon)
//   outline.png  32×32, the same bubble in white lines on a transparent background
// Run again after a design change: node deploy/teams/make-icons.ts
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng, type Rgba } from './png.ts';

type Point = [number, number];
type Shape = (x: number, y: number) => number; // signed distance: < 0 inside

const TEAL: [number, number, number] = [0x1f, 0x5f, 0x5b];
const WHITE: [number, number, number] = [255, 255, 255];
const SAMPLES = 4; // 4×4 samples per pixel for smooth edges

function roundedRect(cx: number, cy: number, halfW: number, halfH: number, r: number): Shape {
  return (x, y) => {
    const qx = Math.abs(x - cx) - (halfW - r);
    const qy = Math.abs(y - cy) - (halfH - r);
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

/** Signed distance to a triangle: the distance to the nearest edge, negative inside. */
function triangle(a: Point, b: Point, c: Point): Shape {
  const edges: Array<[Point, Point]> = [
    [a, b],
    [b, c],
    [c, a],
  ];
  const cross = (ux: number, uy: number, vx: number, vy: number) => ux * vy - uy * vx;
  const winding = Math.sign(cross(b[0] - a[0], b[1] - a[1], c[0] - a[0], c[1] - a[1]));
  return (x, y) => {
    let nearest = Infinity;
    let outside = false;
    for (const [p, q] of edges) {
      const ex = q[0] - p[0];
      const ey = q[1] - p[1];
      const vx = x - p[0];
      const vy = y - p[1];
      const t = Math.min(1, Math.max(0, (vx * ex + vy * ey) / (ex * ex + ey * ey)));
      nearest = Math.min(nearest, Math.hypot(vx - ex * t, vy - ey * t));
      if (winding * cross(ex, ey, vx, vy) < 0) outside = true;
    }
    return outside ? nearest : -nearest;
  };
}

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    Math.min(...shapes.map((shape) => shape(x, y)));

/** Paints `size`² pixels: `paint` returns the colour and coverage (0..1) at a sample point. */
function render(size: number, paint: (x: number, y: number) => [number[], number]): Rgba {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const [rgb, alpha] = paint(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
          for (let i = 0; i < 3; i += 1) sum[i] = (sum[i] ?? 0) + (rgb[i] ?? 0) * alpha;
          sum[3] = (sum[3] ?? 0) + alpha;
        }
      }
      const coverage = (sum[3] ?? 0) / (SAMPLES * SAMPLES);
      const o = (py * size + px) * 4;
      for (let i = 0; i < 3; i += 1) {
        pixels[o + i] = coverage === 0 ? 0 : Math.round((sum[i] ?? 0) / (sum[3] ?? 1));
      }
      pixels[o + 3] = Math.round(coverage * 255);
    }
  }
  return { width: size, height: size, pixels };
}

export function colorIcon(): Rgba {
  const bubble = union(roundedRect(96, 86, 54, 40, 18), triangle([64, 110], [58, 146], [94, 118]));
  const dots = union(circle(72, 86, 8), circle(96, 86, 8), circle(120, 86, 8));
  return render(192, (x, y) => {
    if (dots(x, y) < 0) return [TEAL, 1];
    return [bubble(x, y) < 0 ? WHITE : TEAL, 1];
  });
}

export function outlineIcon(): Rgba {
  const stroke = 2;
  const bubble = union(roundedRect(16, 14.5, 13, 9.5, 4), triangle([9.5, 22], [8.5, 29], [16, 23]));
  const dots = union(circle(11, 14.5, 1.75), circle(16, 14.5, 1.75), circle(21, 14.5, 1.75));
  return render(32, (x, y) => {
    const d = bubble(x, y);
    const line = d <= 0 && d > -stroke;
    return [WHITE, line || dots(x, y) < 0 ? 1 : 0];
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL('./', import.meta.url);
  writeFileSync(new URL('color.png', dir), encodePng(colorIcon()));
  writeFileSync(new URL('outline.png', dir), encodePng(outlineIcon()));
  console.log('color.png en outline.png geschreven in deploy/teams/');
}
