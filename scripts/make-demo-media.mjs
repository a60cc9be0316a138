// Makes the demo course's media, deterministically: diagrams (SVG drawn here → PNG through sharp),
// a short narrated slide video per module, its poster, and WebVTT captions per locale.
//
// Each video speaks its English transcript: every transcript paragraph is one caption cue, spoken
// by espeak-ng (a WAV per cue) and measured with ffprobe. The cues follow each other with a short
// pause, after a title slide; their timings are where the speech really is, so the English
// captions match the narration. Slides (SVG → PNG through sharp, in the course palette: the
// module's title, then the text being spoken) and the narration are muxed by ffmpeg into an MP4
// (H.264 + AAC, faststart, bitexact). Every video lasts at least 15 s; the poster is its title
// slide. Each locale's captions are cut from its own transcript, paragraph i taking the timing of
// English cue i, so every locale has the same cue boundaries.
//
// Caption provenance (locales/<locale>.sources.json) fingerprints the whole English caption file,
// timings included: a translated caption whose English cue texts are unchanged stays current, its
// record moved to the new English file, so re-timing alone never makes translations stale.
//
// Needs ffmpeg, ffprobe and espeak-ng (Debian: `apt-get install ffmpeg espeak-ng`). The output is
// the same on every run with the same tool versions and fonts (Noto Sans for the slides).
//   node scripts/make-demo-media.mjs [--captions-only]
// --captions-only writes the captions (and provenance) only: the narration is still synthesized
// and measured for the timings, but no image or video is written.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
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

const structure = YAML.parse(fs.readFileSync(path.join(course, 'course.yaml'), 'utf8'));
const localeTexts = Object.fromEntries(
  structure.locales
    .map((locale) => [locale, path.join(course, 'locales', `${locale}.yaml`)])
    .filter(([, file]) => fs.existsSync(file))
    .map(([locale, file]) => [locale, YAML.parse(fs.readFileSync(file, 'utf8'))]),
);
const english = localeTexts[structure.sourceLocale];
const videos = structure.modules.flatMap((m, i) =>
  m.units
    .filter((u) => u.kind === 'video')
    .map((u) => ({ module: m.id, unit: u, color: palette[i % palette.length] })),
);
const unitText = (texts, v) => texts.modules?.[v.module]?.units?.[v.unit.id];
// Each transcript paragraph is one caption cue (and one slide).
const paragraphs = (transcript) =>
  transcript
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.trim());

// The narration: espeak-ng's American English voice, a little slower than its default.
const voice = ['-v', 'en-us', '-s', '155'];
const lead = 1.2; // seconds of title slide before the first cue
const pause = 0.3; // seconds between cues (espeak-ng ends each with ~0.35 s of its own quiet)
const tail = 1.5; // seconds the last slide stays after the narration
const minimum = 15; // seconds every video lasts at least
const fps = 12;

/** A cue spoken into `file`: its sample rate and length in samples (ffprobe). */
function speak(text, file) {
  execFileSync('espeak-ng', [...voice, '-w', file, text]);
  const [stream] = JSON.parse(
    execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'a:0',
        '-show_entries',
        'stream=sample_rate,duration_ts',
        '-of',
        'json',
        file,
      ],
      { encoding: 'utf8' },
    ),
  ).streams;
  return { file, rate: Number(stream.sample_rate), samples: Number(stream.duration_ts) };
}

/** The cues spoken one after the other: where each starts and ends, in samples, and the total. */
function narrate(texts, dir) {
  const spoken = texts.map((text, i) => speak(text, path.join(dir, `cue-${i + 1}.wav`)));
  const rate = spoken[0].rate;
  if (spoken.some((c) => c.rate !== rate)) throw new Error('espeak-ng changed its sample rate');
  let at = Math.round(lead * rate);
  const cues = spoken.map((c) => {
    const start = at;
    at += c.samples + Math.round(pause * rate);
    return { ...c, start, end: start + c.samples };
  });
  const last = cues.at(-1).end;
  return { rate, cues, total: Math.max(last + Math.round(tail * rate), minimum * rate) };
}

// Slides: 960 × 540, the course palette, Noto Sans; the bottom stays clear for the captions.
const [W, H] = [960, 540];
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const font = 'font-family="Noto Sans, DejaVu Sans, sans-serif"';
const slide = (body, background = '#f7f9fc') =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">` +
  `<rect width="${W}" height="${H}" fill="${background}"/>${body}</svg>`;
/** Words in lines of at most `width` pixels (Noto Sans averages about 0.5 em a character). */
const wrap = (text, size, width) => {
  const most = Math.floor(width / (size * 0.52));
  const lines = [];
  for (const word of text.split(/\s+/)) {
    if (lines.length && (lines.at(-1) + ' ' + word).length <= most)
      lines[lines.length - 1] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
};
/** The largest size (down from `size`) at which `text` fits in `most` lines. */
const fit = (text, size, most, width) => {
  while (size > 16 && wrap(text, size, width).length > most) size -= 2;
  return { size, lines: wrap(text, size, width) };
};
const lines = ({ size, lines: all }, x, y, attributes) =>
  all
    .map(
      (l, i) =>
        `<text x="${x}" y="${Math.round(y + i * size * 1.3)}" font-size="${size}" ${font} ` +
        `${attributes}>${escape(l)}</text>`,
    )
    .join('');

function titleSlide(color, moduleTitle, videoTitle) {
  const title = fit(videoTitle, 56, 2, 720);
  return slide(
    `<circle cx="880" cy="80" r="170" fill="#ffffff" fill-opacity="0.12"/>` +
      `<circle cx="900" cy="470" r="120" fill="#ffffff" fill-opacity="0.1"/>` +
      lines(fit(moduleTitle, 26, 2, 720), 72, 200, 'fill="#ffffff" fill-opacity="0.9"') +
      `<rect x="72" y="236" width="96" height="8" rx="4" fill="#ffffff"/>` +
      lines(title, 72, 236 + 24 + title.size, 'font-weight="700" fill="#ffffff"'),
    color,
  );
}

function cueSlide(color, moduleTitle, text, n, count) {
  const cue = fit(text, 38, 5, 800);
  const height = Math.round(cue.size * 1.3 * (cue.lines.length - 1) + cue.size);
  const top = Math.round(64 + (400 - 64 - height) / 2);
  const dots = Array.from({ length: count }, (_, i) => {
    const x = W - 40 - (count - 1 - i) * 26;
    return i <= n
      ? `<circle cx="${x}" cy="32" r="7" fill="#ffffff"/>`
      : `<circle cx="${x}" cy="32" r="6" fill="none" stroke="#ffffff" stroke-width="2"/>`;
  });
  return slide(
    `<rect width="${W}" height="64" fill="${color}"/>` +
      lines(fit(moduleTitle, 22, 1, 700), 40, 40, 'font-weight="700" fill="#ffffff"') +
      dots.join('') +
      `<rect x="52" y="${top - 6}" width="8" height="${height + 18}" rx="4" fill="${color}"/>` +
      lines(cue, 84, top + Math.round(cue.size * 0.8), 'fill="#1b1f24"') +
      `<rect y="${H - 8}" width="${W}" height="8" fill="${color}"/>`,
  );
}

/** Slides (each from its start, in samples) and the spoken cues, muxed into `out`. */
function mux(slides, { rate, cues, total }, out) {
  const frame = (samples) => Math.round((samples / rate) * fps);
  const ends = [...slides.slice(1).map((s) => s.from), total];
  const video =
    slides
      .map(
        (s, i) =>
          `[${i}:v]trim=end_frame=${frame(ends[i]) - frame(s.from)},setpts=PTS-STARTPTS[v${i}]`,
      )
      .join(';') +
    `;${slides.map((_, i) => `[v${i}]`).join('')}concat=n=${slides.length}:v=1:a=0,` +
    'format=yuv420p[v]';
  // Each cue padded with quiet up to the next one (the first delayed by the lead, the last padded
  // to the end), then all in a row: the cue boundaries fall on exact samples.
  const audio =
    cues
      .map((c, i) => {
        const next = i + 1 < cues.length ? cues[i + 1].start : total;
        return i === 0
          ? `[${slides.length}:a]adelay=delays=${c.start}S,apad=whole_len=${next}[a0]`
          : `[${slides.length + i}:a]apad=whole_len=${next - c.start}[a${i}]`;
      })
      .join(';') + `;${cues.map((_, i) => `[a${i}]`).join('')}concat=n=${cues.length}:v=0:a=1[a]`;
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    ...slides.flatMap((s) => ['-loop', '1', '-framerate', String(fps), '-i', s.file]),
    ...cues.flatMap((c) => ['-i', c.file]),
    '-filter_complex',
    `${video};${audio}`,
    '-map',
    '[v]',
    '-map',
    '[a]',
    '-c:v',
    'libx264',
    '-preset',
    'veryslow',
    '-tune',
    'stillimage',
    '-crf',
    '30',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '32k',
    '-ac',
    '1',
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
}

const png = (svgText, file, options = {}) => sharp(Buffer.from(svgText)).png(options).toFile(file);

if (!captionsOnly)
  for (const [name, drawing] of Object.entries(figures))
    await png(drawing, path.join(media, name), { compressionLevel: 9, palette: true });

// The narration of every video: spoken, measured and (unless --captions-only) made into the video.
const timings = new Map();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-media-'));
try {
  for (const v of videos) {
    const texts = unitText(english, v);
    const cues = paragraphs(texts.transcript);
    const dir = path.join(work, v.unit.id);
    fs.mkdirSync(dir);
    const narration = narrate(cues, dir);
    timings.set(v.unit.id, narration);
    if (captionsOnly) continue;
    const moduleTitle = english.modules[v.module].title;
    const title = titleSlide(v.color, moduleTitle, texts.title);
    const slides = [{ file: path.join(dir, 'title.png'), from: 0 }];
    await png(title, slides[0].file);
    for (const [i, cue] of narration.cues.entries()) {
      const file = path.join(dir, `slide-${i + 1}.png`);
      await png(cueSlide(v.color, moduleTitle, cues[i], i, cues.length), file);
      slides.push({ file, from: cue.start });
    }
    mux(slides, narration, path.join(course, v.unit.src));
    if (v.unit.poster)
      await png(title, path.join(course, v.unit.poster), { compressionLevel: 9, palette: true });
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

// Captions: paragraph i of each locale's transcript is cue i, with English cue i's timing.
const stamp = (seconds) => {
  const ms = Math.round(seconds * 1000);
  const two = (n) => String(n).padStart(2, '0');
  return (
    `${two(Math.floor(ms / 3_600_000))}:${two(Math.floor(ms / 60_000) % 60)}:` +
    `${two(Math.floor(ms / 1000) % 60)}.${String(ms % 1000).padStart(3, '0')}`
  );
};
const cueTexts = (vtt) =>
  JSON.stringify(
    vtt
      .trim()
      .split(/\n\s*\n/)
      .filter((block) => block.includes('-->'))
      .map((block) => block.slice(block.indexOf('\n', block.indexOf('-->')) + 1)),
  );
const captionFile = (v, locale) => path.join(media, 'captions', `${v.unit.id}.${locale}.vtt`);
const englishCaptions = new Map();
const captions = []; // all checked before any is written
for (const [locale, texts] of Object.entries(localeTexts)) {
  for (const v of videos) {
    const transcript = unitText(texts, v)?.transcript;
    if (!transcript) continue;
    const { rate, cues } = timings.get(v.unit.id);
    const paras = paragraphs(transcript);
    if (paras.length !== cues.length)
      throw new Error(
        `${locale}: the transcript of ${v.unit.id} has ${paras.length} paragraphs and the ` +
          `English one ${cues.length}; each paragraph takes the timing of its English cue`,
      );
    const vtt =
      'WEBVTT\n\n' +
      paras
        .map((p, i) => {
          const { start, end } = cues[i];
          return `${i + 1}\n${stamp(start / rate)} --> ${stamp(end / rate)}\n${p}`;
        })
        .join('\n\n') +
      '\n';
    const file = captionFile(v, locale);
    if (locale === structure.sourceLocale) {
      englishCaptions.set(v.unit.id, vtt);
      const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      if (captionsOnly && cueTexts(before) !== cueTexts(vtt))
        console.warn(
          `${v.unit.id}: the English narration changed; run without --captions-only to record it`,
        );
    }
    captions.push([file, vtt]);
  }
}
for (const [file, vtt] of captions) fs.writeFileSync(file, vtt);

// Provenance fingerprints the whole English caption file, timings included. A translation made
// from the same cue texts is still a translation of today's captions: its record moves along.
const sourceHash = (text) =>
  crypto.createHash('sha256').update(text.trim().normalize('NFC')).digest('hex').slice(0, 16);
for (const locale of structure.locales) {
  const file = path.join(course, 'locales', `${locale}.sources.json`);
  if (locale === structure.sourceLocale || !fs.existsSync(file)) continue;
  const provenance = JSON.parse(fs.readFileSync(file, 'utf8'));
  let moved = 0;
  for (const v of videos) {
    const record = provenance.texts?.[`modules.${v.module}.units.${v.unit.id}.captions`];
    const now = englishCaptions.get(v.unit.id);
    if (
      record?.sourceText === undefined ||
      now === undefined ||
      record.sourceText === now ||
      record.review ||
      record.source !== sourceHash(record.sourceText) ||
      cueTexts(record.sourceText) !== cueTexts(now)
    )
      continue;
    Object.assign(record, { source: sourceHash(now), sourceText: now });
    moved++;
  }
  if (moved) fs.writeFileSync(file, `${JSON.stringify(provenance, null, 2)}\n`);
}
console.log('demo media written to', path.relative(process.cwd(), media));
