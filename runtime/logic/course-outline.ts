/**
 * The part of the course the runtime needs: structure, answer-free unit kinds, the points rule set.
 */
export interface OutlineUnit {
  id: string;
  kind: 'lesson' | 'video' | 'infosheet' | 'quiz' | 'challenge';
  /** quiz: number of questions and pass mark (percent); challenge: points */
  questions?: number;
  passMark?: number;
  points?: number;
}

export interface CourseOutline {
  id: string;
  modules: { id: string; units: OutlineUnit[] }[];
  points: {
    lessonViewed: number;
    correctAnswer: number;
    challengeDone: number;
    replayCountsOnlyIfBetter: boolean;
  };
  questionnaire?: { id: string; scale: number; items: { id: string; reversed: boolean }[] };
}

/** `module/unit`: the key of a unit in progress state. */
export const unitKey = (moduleId: string, unitId: string) => `${moduleId}/${unitId}`;
