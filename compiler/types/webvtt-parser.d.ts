/** The part of webvtt-parser (W3C's WebVTT validator, CommonJS, untyped) that we use. */
declare module 'webvtt-parser' {
  export interface WebVTTParseError {
    message: string;
    line: number;
    col: number;
  }
  export class WebVTTParser {
    parse(
      input: string,
      mode?: 'metadata' | 'chapters',
    ): {
      cues: { id: string; startTime: number; endTime: number; text: string }[];
      errors: WebVTTParseError[];
    };
  }
  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
