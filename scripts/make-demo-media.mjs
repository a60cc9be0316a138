// Makes the demo course's media, deterministically: diagrams (SVG drawn here → PNG through sharp),
// a 20-second video per module (ffmpeg, synthetic visuals and a quiet tone; no words, so every
// locale shares it), posters, and WebVTT captions per locale cut from each video's transcript.
//   node scripts/make-demo-media.mjs [--captions-only]
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import YAML from 'yaml';

const course = path.resolve(import.meta.dirname, '../courses/rights-based-mental-health');
const media = path.join(course, 'media');
const captionsOnly = process.argv.includes('--captions-only');
fs.mkdirSync(path.join(media, 'captions'), { recursive: true });

const palette = ['#0b5cad', '#15803d', '#b45309', '#86198f', '#0f766e'];
const svg = (body) =>
  '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="750" ' +
  `viewBox="0 0 1200 750"><rect width="1200" height="750" fill="#f7f9fc"/>${body}</svg>`;
const person = (x, y, color, r = 34) =>
  `<circle cx="${x}" cy="${y - r * 1.6}" r="${r * 0.7}" fill="${color}"/>` +
  `<rect x="${x - r}" y="${y - r * 0.8}" width="${r * 2}" ` +
  `height="${r * 1.9}" rx="${r}" fill="${color}"/>`;
const line = (x1, y1, x2, y2, color = '#64748b', w = 6) =>
  `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" ` +
  `stroke="${color}" stroke-width="${w}" stroke-linecap="round"/>`;
const arrow = (x1, y1, x2, y2) =>
  `${line(x1, y1, x2, y2, '#334155', 8)}<circle cx="${x2}" cy="${y2}" r="12" fill="#334155"/>`;

const figures = {
  'rights-model.png': svg(
    '<circle cx="300" cy="380" r="190" fill="none" stroke="#b45309" ' +
      `stroke-width="14" stroke-dasharray="4 0"/>${person(300, 420, '#64748b')}` +
      [
        [780, 220],
        [1020, 260],
        [1060, 520],
        [820, 600],
        [720, 420],
      ]
        .map(([x, y], i) => line(900, 400, x, y) + person(x, y + 30, palette[i], 26))
        .join('') +
      person(900, 430, '#0b5cad'),
  ),
  'decision-making.png': svg(
    person(170, 420, '#64748b') +
      person(400, 420, '#b45309', 44) +
      arrow(330, 330, 230, 330) +
      line(600, 80, 600, 670, '#cbd5e1', 4) +
      [
        [780, 200],
        [1060, 220],
        [1080, 560],
        [760, 580],
      ]
        .map(([x, y], i) => line(920, 410, x, y) + person(x, y + 30, palette[(i + 1) % 5], 26))
        .join('') +
      person(920, 440, '#0b5cad', 46),
  ),
  'chime.png': svg(
    [0, 1, 2, 3, 4]
      .map((i) => {
        const a = (Math.PI * 2 * i) / 5 - Math.PI / 2;
        return (
          `<circle cx="${600 + Math.cos(a) * 230}" cy="${375 + Math.sin(a) * 230}" ` +
          `r="105" fill="${palette[i]}" fill-opacity="0.85"/>`
        );
      })
      .join('') +
      `<circle cx="600" cy="375" r="60" fill="#ffffff" stroke="#334155" stroke-width="6"/>`,
  ),
  'calm-response.png': svg(
    [0, 1, 2, 3]
      .map((i) => {
        const a = (Math.PI * 2 * i) / 4 - Math.PI / 2;
        const b = (Math.PI * 2 * (i + 1)) / 4 - Math.PI / 2;
        return (
          `<circle cx="${600 + Math.cos(a) * 250}" ` +
          `cy="${375 + Math.sin(a) * 250}" r="90" fill="${palette[i]}"/>` +
          arrow(
            600 + Math.cos(a + 0.45) * 250,
            375 + Math.sin(a + 0.45) * 250,
            600 + Math.cos(b - 0.45) * 250,
            375 + Math.sin(b - 0.45) * 250,
          )
        );
      })
      .join(''),
  ),
  'circle-of-support.png': svg(
    [
      [220, 180, 'home'],
      [980, 180, 'work'],
      [220, 600, 'friends'],
      [980, 600, 'health'],
    ]
      .map(
        ([x, y], i) =>
          line(600, 390, x, y) +
          (i === 0
            ? `<polygon points="${x - 90},${y + 60} ${x + 90},${y + 60} ${x + 90},${y - 20} ` +
              `${x},${y - 90} ${x - 90},${y - 20}" fill="${palette[i]}"/>`
            : i === 1
              ? `<rect x="${x - 90}" y="${y - 80}" width="180" ` +
                `height="150" rx="12" fill="${palette[i]}"/>`
              : i === 2
                ? person(x - 50, y + 40, palette[i], 28) +
                  person(x + 50, y + 40, palette[i + 1], 28)
                : `<rect x="${x - 80}" y="${y - 80}" width="160" height="160" ` +
                  `rx="20" fill="${palette[i]}"/>` +
                  `<rect x="${x - 15}" y="${y - 55}" width="30" height="110" fill="#fff"/>` +
                  `<rect x="${x - 55}" y="${y - 15}" width="110" height="30" fill="#fff"/>`),
      )
      .join('') + person(600, 420, '#0b5cad', 48),
  ),
};

const modules = [
  'human-rights',
  'legal-capacity',
  'recovery',
  'ending-coercion',
  'community-inclusion',
];

if (!captionsOnly) {
  for (const [name, drawing] of Object.entries(figures))
    await sharp(Buffer.from(drawing))
      .png({ compressionLevel: 9, palette: true })
      .toFile(path.join(media, name));
  modules.forEach((m, i) => {
    const out = path.join(media, `${m}.mp4`);
    const hue = palette[i].slice(1);
    // A slow colour drift with a moving disc; the same bytes on every run (bitexact, no metadata
    // dates).
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `color=c=0x${hue}:s=640x360:r=24:d=20`,
      '-f',
      'lavfi',
      '-i',
      'color=c=white:s=120x120:r=24:d=20',
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=${220 + i * 55}:duration=20`,
      '-filter_complex',
      '[1:v]format=rgba,' +
        "geq=r=255:g=255:b=255:a='if(lt((X-60)*(X-60)+(Y-60)*(Y-60),3600),150,0)'[disc];" +
        "[0:v][disc]overlay=x='260+200*sin(t/3)':y='120+80*cos(t/2)'[v];" +
        '[2:a]volume=0.05[a]',
      '-map',
      '[v]',
      '-map',
      '[a]',
      '-c:v',
      'libx264',
      '-preset',
      'veryslow',
      '-crf',
      '34',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '32k',
      '-movflags',
      '+faststart',
      '-fflags',
      '+bitexact',
      '-flags:v',
      '+bitexact',
      '-flags:a',
      '+bitexact',
      '-map_metadata',
      '-1',
      out,
    ]);
    execFileSync('ffmpeg', [
      '-loglevel',
      'error',
      '-y',
      '-ss',
      '5',
      '-i',
      out,
      '-frames:v',
      '1',
      path.join(media, `${m}-poster.png`),
    ]);
  });
}

// Captions: each transcript paragraph becomes one cue, spread evenly over the 20 seconds.
const structure = YAML.parse(fs.readFileSync(path.join(course, 'course.yaml'), 'utf8'));
const time = (s) => `00:00:${String(Math.round(s)).padStart(2, '0')}.000`;
for (const locale of structure.locales) {
  const file = path.join(course, 'locales', `${locale}.yaml`);
  if (!fs.existsSync(file)) continue;
  const texts = YAML.parse(fs.readFileSync(file, 'utf8'));
  for (const m of structure.modules) {
    for (const u of m.units.filter((x) => x.kind === 'video')) {
      const transcript = texts.modules?.[m.id]?.units?.[u.id]?.transcript;
      if (!transcript) continue;
      const paras = transcript
        .trim()
        .split(/\n\s*\n/)
        .map((p) => p.trim());
      const step = 20 / paras.length;
      const cues = paras.map(
        (p, i) => `${i + 1}\n${time(i * step)} --> ${time((i + 1) * step)}\n${p}`,
      );
      fs.writeFileSync(
        path.join(media, 'captions', `${u.id}.${locale}.vtt`),
        `WEBVTT\n\n${cues.join('\n\n')}\n`,
      );
    }
  }
}
console.log('demo media written to', path.relative(process.cwd(), media));
