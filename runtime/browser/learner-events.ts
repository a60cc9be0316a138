/**
 * The one interface through which the outside world receives what a learner does: attempts, scores,
 * completion and questionnaire responses. A learner API or an LMS adapter (SCORM, cmi5) subscribes
 * with `window.polycourse.subscribe(listener)`; the bundle works the same with no subscriber.
 */
export type LearnerEvent =
  | { type: 'unit-viewed'; unit: string }
  | { type: 'video-watched'; unit: string }
  | {
      type: 'quiz-attempt';
      unit: string;
      correct: number;
      total: number;
      percent: number;
      passed: boolean;
      answers: Record<string, string[]>;
    }
  | { type: 'challenge-done'; unit: string; done: boolean }
  | {
      type: 'questionnaire-response';
      phase: 'pre' | 'post';
      answers: Record<string, number>;
      /** the consent version the learner agreed to, for sharing with the evaluation */
      consent?: string;
    }
  /** The learner unticked the consent they gave before: their shared answers are taken back. */
  | { type: 'questionnaire-withdrawn'; phase: 'pre' | 'post' }
  | { type: 'course-completed'; points: number }
  | { type: 'points'; points: number };

export type LearnerListener = (event: LearnerEvent) => void;

export function createLearnerEvents() {
  const listeners = new Set<LearnerListener>();
  const history: LearnerEvent[] = [];
  return {
    emit(event: LearnerEvent) {
      history.push(event);
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          console.warn('[polycourse] a learner-event listener failed:', error);
        }
      }
    },
    /**
     * Subscribe; events of this page view so far are replayed first. Returns an unsubscribe
     * function.
     */
    subscribe(listener: LearnerListener) {
      for (const event of history) listener(event);
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type LearnerEvents = ReturnType<typeof createLearnerEvents>;
