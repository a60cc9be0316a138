/** Videos: completion when watched (ended, or 90% played), and a transcript toggle. */
import { recordWatched } from '../logic/progress.ts';
import type { PageServices } from './page-services.ts';

export function enhanceVideo(
  video: HTMLVideoElement,
  unit: string,
  { session, events, t }: PageServices,
): void {
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
