/**
 * What W3C's WebVTT validator (webvtt-parser) finds wrong in a caption file, each problem with its
 * line (and column where it has one). The course-folder source (media/captions/*.vtt) and the CMS
 * (a caption's text on save) both refuse with it, so a file one accepts the other accepts too.
 */
import webvtt from 'webvtt-parser';

export interface WebVttProblem {
  line: number;
  column?: number;
  message: string;
}

/** The larger a caption file may be (a feature film's captions are ~100 KB). */
export const maxCaptionBytes = 1_000_000;

/** The fix to give with any problem it finds. */
export const webVttFix =
  'WebVTT starts with a line "WEBVTT", then a blank line; each cue is an optional id line, a ' +
  'timing line such as 00:01.000 --> 00:04.500 (a dot before the milliseconds, each cue starting ' +
  'no earlier than the one before and ending after it starts), its text, and a blank line. ' +
  'Convert SRT with `ffmpeg -i captions.srt captions.vtt`.';

export function webVttProblems(text: string): WebVttProblem[] {
  if (Buffer.byteLength(text) > maxCaptionBytes)
    return [{ line: 1, message: `The captions are over ${maxCaptionBytes / 1_000_000} MB` }];
  const { errors } = new webvtt.WebVTTParser().parse(text, 'metadata');
  return errors.map((e) => ({
    line: e.line,
    ...(e.col ? { column: e.col } : {}),
    message: e.message,
  }));
}
