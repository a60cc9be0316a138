/**
 * A learner's own before/after change on the attitude questionnaire (reversed items scored in
 * reverse).
 */
import type { CourseOutline } from './course-outline.ts';
import type { QuestionnaireResponse } from './progress.ts';

export interface ItemChange {
  id: string;
  pre?: number;
  post?: number;
  /** post − pre on the scored (direction-corrected) scale */
  change?: number;
}

export interface QuestionnaireChange {
  items: ItemChange[];
  /** mean scored answer before and after, over items answered both times */
  preMean?: number;
  postMean?: number;
  /** relative improvement of the mean, in percent of the scale's range */
  improvementPercent?: number;
}

export function questionnaireChange(
  q: NonNullable<CourseOutline['questionnaire']>,
  pre?: QuestionnaireResponse,
  post?: QuestionnaireResponse,
): QuestionnaireChange {
  const scored = (item: { reversed: boolean }, v: number | undefined) =>
    v === undefined ? undefined : item.reversed ? q.scale + 1 - v : v;
  const items = q.items.map((item) => {
    const a = scored(item, pre?.answers[item.id]);
    const b = scored(item, post?.answers[item.id]);
    return {
      id: item.id,
      pre: a,
      post: b,
      change: a !== undefined && b !== undefined ? b - a : undefined,
    };
  });
  const both = items.filter((i) => i.change !== undefined);
  if (!both.length) return { items };
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const preMean = mean(both.map((i) => i.pre!));
  const postMean = mean(both.map((i) => i.post!));
  return {
    items,
    preMean,
    postMean,
    improvementPercent: ((postMean - preMean) / (q.scale - 1)) * 100,
  };
}
