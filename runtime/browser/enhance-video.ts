/**
 * Videos: completion when watched (ended, or 90% played), a transcript toggle, and, on pages
 * opened from files, captions from the scripts the build writes beside each caption file.
 */
import { recordWatched } from '../logic/progress.ts';
import type { PageServices } from './page-services.ts';

export function enhanceVideo(
  video: HTMLVideoElement,
  unit: string,
  { session, events, t }: PageServices,
): void {
  if (location.protocol === 'file:') {
    showCaptionsFromScripts(video).catch((error) =>
      console.warn('[polycourse] the captions could not be shown:', error),
    );
  }
  let recorded = Boolean(session.state.units[unit]?.watched);
  const watched = () => {
    if (recorded) return;
    recorded = true;
    session.update((s) => recordWatched(s, unit));
    events.emit({ type: 'video-watched', unit });
  };
  video.addEventListener('ended', watched);
  video.addEventListener('timeupdate', () => {
    if (video.duration && video.currentTime / video.duration >= 0.9) watched();
  });

  const transcript = document.querySelector<HTMLElement>('.transcript-text');
  const toggle = document.querySelector<HTMLButtonElement>('button.transcript-toggle');
  if (transcript && toggle) {
    toggle.hidden = false;
    const set = (open: boolean) => {
      transcript.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = t(open ? 'runtime.transcript.hide' : 'runtime.transcript.show');
    };
    set(true);
    toggle.addEventListener('click', () => set(transcript.hidden));
  }
}

/** A cue as `<captions>.vtt.js` hands it over (compiler/render/media-assets.ts). */
interface ScriptCue {
  start: number;
  end: number;
  /** the cue text as the file has it: VTTCue reads its tags, nothing here parses it */
  text: string;
  id?: string;
  settings?: Partial<
    Pick<
      VTTCue,
      'vertical' | 'snapToLines' | 'line' | 'lineAlign' | 'position' | 'positionAlign' | 'size'
    > & { align: AlignSetting }
  >;
}

const registry = () =>
  (globalThis as { __polycourseCaptions?: Record<string, ScriptCue[]> }).__polycourseCaptions ?? {};

/**
 * On file:// Chromium refuses `<track src>` (a file has no origin to share it with), while
 * classic scripts load. Each track with a script beside its file is replaced by a text track of
 * the same kind, label and language holding the script's cues; the default one is shown.
 */
async function showCaptionsFromScripts(video: HTMLVideoElement): Promise<void> {
  const tracks = [...video.querySelectorAll('track')].filter(
    (track) =>
      (track.kind === 'captions' || track.kind === 'subtitles') && track.src.startsWith('file:'),
  );
  const lists = await Promise.all(tracks.map(loadCues));
  tracks.forEach((track, i) => {
    const cues = lists[i];
    if (!cues) return;
    const shown = track.default;
    track.remove();
    const added = video.addTextTrack(track.kind as TextTrackKind, track.label, track.srclang);
    for (const c of cues) {
      const cue = Object.assign(new VTTCue(c.start, c.end, c.text), c.settings);
      if (c.id) cue.id = c.id;
      added.addCue(cue);
    }
    added.mode = shown ? 'showing' : 'disabled';
  });
}

/** The cues of a track's `.vtt.js`, or undefined when it has none. */
function loadCues(track: HTMLTrackElement): Promise<ScriptCue[] | undefined> {
  // The file's name: content-hashed, made of [A-Za-z0-9_.-] only, so nothing to decode.
  const key = new URL(track.src).pathname.split('/').pop() ?? '';
  return new Promise((resolve) => {
    const script = document.createElement('script');
    script.src = `${track.src}.js`;
    script.onload = () => resolve(registry()[key]);
    script.onerror = () => resolve(undefined);
    document.head.append(script);
  });
}
