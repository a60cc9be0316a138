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
      cues: {
        id: string;
        startTime: number;
        endTime: number;
        text: string;
        direction: 'horizontal' | 'rl' | 'lr';
        snapToLines: boolean;
        linePosition: number | 'auto';
        lineAlign: 'start' | 'center' | 'end';
        textPosition: number | 'auto';
        positionAlign: 'line-left' | 'center' | 'line-right' | 'auto';
        size: number;
        alignment: 'start' | 'center' | 'end' | 'left' | 'right';
      }[];
      errors: WebVTTParseError[];
    };
  }
  const webvtt: { WebVTTParser: typeof WebVTTParser };
  export default webvtt;
}
