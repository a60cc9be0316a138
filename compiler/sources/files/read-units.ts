/**
 * Modules and their units, in course.yaml's order. Each kind of unit reads its own parts: a lesson
 * or an infosheet its body, a video its media and captions, a quiz its questions, a challenge its
 * texts.
 */
import type { CourseModule, Localized, Unit } from '../../model/course.ts';
import type { UnitFile } from './course-file-schema.ts';
import type { CourseContext, YamlPath } from './files-context.ts';
import { readBody } from './read-bodies.ts';
import { readCaptions } from './read-captions.ts';
import { readText } from './read-locale-texts.ts';
import { readMediaRef } from './read-media-refs.ts';
import { readQuiz } from './read-quiz.ts';

/** Where a unit is written. */
export interface UnitPlace {
  moduleId: string;
  /** its texts in locales/<locale>.yaml: ['modules', <module>, 'units', <unit>] */
  textPath: YamlPath;
  /** its entry in course.yaml: ['modules', <index>, 'units', <index>] */
  yamlPath: YamlPath;
  /** its model path: `modules.<module>.units.<unit>` */
  modelPath: string;
}

export function readModules(context: CourseContext): CourseModule[] {
  return context.structure.modules.map((m, mi) => {
    context.positions.set(`modules.${m.id}`, context.structureYaml.positionOf(['modules', mi]));
    return {
      id: m.id,
      title: readText(context, ['modules', m.id, 'title'], `modules.${m.id}.title`),
      summary: readText(context, ['modules', m.id, 'summary'], `modules.${m.id}.summary`, false),
      units: m.units.map((u, ui) =>
        readUnit(context, u, {
          moduleId: m.id,
          textPath: ['modules', m.id, 'units', u.id],
          yamlPath: ['modules', mi, 'units', ui],
          modelPath: `modules.${m.id}.units.${u.id}`,
        }),
      ),
    };
  });
}

function readUnit(context: CourseContext, u: UnitFile, place: UnitPlace): Unit {
  const { textPath, modelPath } = place;
  context.positions.set(modelPath, context.structureYaml.positionOf(place.yamlPath));
  const title = readText(context, [...textPath, 'title'], `${modelPath}.title`);
  switch (u.kind) {
    case 'lesson':
    case 'infosheet':
      return {
        id: u.id,
        kind: u.kind,
        title,
        body: readBody(context, place.moduleId, u.id, `${modelPath}.body`),
      };
    case 'video':
      return readVideo(context, u, place, title);
    case 'quiz':
      return readQuiz(context, u, place, title);
    case 'challenge':
      return {
        id: u.id,
        kind: 'challenge',
        title,
        points: u.points ?? context.structure.points.challengeDone ?? 20,
        prompt: readText(context, [...textPath, 'prompt'], `${modelPath}.prompt`),
        commitment: readText(context, [...textPath, 'commitment'], `${modelPath}.commitment`),
      };
  }
}

type VideoFile = Extract<UnitFile, { kind: 'video' }>;

function readVideo(context: CourseContext, u: VideoFile, place: UnitPlace, title: Localized): Unit {
  const { textPath, yamlPath, modelPath } = place;
  const captions = readCaptions(context, u.id);
  return {
    id: u.id,
    kind: 'video',
    title,
    src: readMediaRef(context, u.src, [...yamlPath, 'src']),
    poster: u.poster ? readMediaRef(context, u.poster, [...yamlPath, 'poster']) : undefined,
    captions,
    transcript: readText(context, [...textPath, 'transcript'], `${modelPath}.transcript`),
  };
}
