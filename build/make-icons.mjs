// Draws Dockhand's icons (app and tray) as PNGs with no dependencies: `node build/make-icons.mjs`.
// The shapes match build/icon.svg: a navy tile with a taped parcel; tray variants add a status badge.
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const NAVY = [31, 58, 95, 255];
const WHITE = [255, 255, 255, 255];
const BADGE = { syncing: [46, 158, 91, 255], alert: [214, 69, 69, 255] };

const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** The colour at (x, y) in unit coordinates, or null for transparent. */
function shade(x, y, badge) {
  if (badge) {
    if (inCircle(x, y, 0.74, 0.74, 0.26)) return inCircle(x, y, 0.74, 0.74, 0.2) ? BADGE[badge] : WHITE;
  }
  if (!inRoundRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.18)) return null;
  const parcel = inRoundRect(x, y, 0.24, 0.3, 0.76, 0.76, 0.05);
  const lid = y >= 0.44 && y <= 0.49;
  const tape = x >= 0.47 && x <= 0.53 && y <= 0.49;
  return parcel && !lid && !tape ? WHITE : NAVY;
}

function draw(size, badge) {
  const S = 4; // supersampling per axis, for smooth edges
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = shade((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size, badge);
          if (!c) continue;
          for (let i = 0; i < 3; i++) sum[i] += c[i] * c[3];
          sum[3] += c[3];
        }
      }
      const o = (py * size + px) * 4;
      const alpha = sum[3] / (S * S);
      for (let i = 0; i < 3; i++) rgba[o + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
      rgba[o + 3] = Math.round(alpha);
    }
  }
  return png(size, size, rgba);
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function write(relative, bytes) {
  const file = join(here, relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

write('icon.png', draw(512));
write('icons/512x512.png', draw(512));
write('icons/256x256.png', draw(256));
for (const [variant, badge] of [['idle', undefined], ['syncing', 'syncing'], ['alert', 'alert']]) {
  write(`tray/${variant}.png`, draw(16, badge));
  write(`tray/${variant}@2x.png`, draw(32, badge));
}
