import * as migration_20261125_035900_initial from './20261125_035900_initial.ts';
import * as migration_20261125_125137_user_api_keys from './20261125_125137_user_api_keys.ts';
import * as migration_20261125_131039_translations from './20261125_131039_translations.ts';
import * as migration_20261201_232502_questionnaire_responses from './20261201_232502_questionnaire_responses.ts';
import * as migration_20261202_021115_quiz_editor_fields from './20261202_021115_quiz_editor_fields.ts';
import * as migration_20261202_021123_quiz_editor_optional_ids from './20261202_021123_quiz_editor_optional_ids.ts';
import * as migration_20261202_131305_learner_services from './20261202_131305_learner_services.ts';
import * as migration_20261202_162509_forums from './20261202_162509_forums.ts';
import * as migration_20261202_224429_questionnaire_consent from './20261202_224429_questionnaire_consent.ts';
import * as migration_20261203_175357_score_progress from './20261203_175357_score_progress.ts';

export const migrations = [
  {
    up: migration_20261125_035900_initial.up,
    down: migration_20261125_035900_initial.down,
    name: '20261125_035900_initial',
  },
  {
    up: migration_20261125_125137_user_api_keys.up,
    down: migration_20261125_125137_user_api_keys.down,
    name: '20261125_125137_user_api_keys',
  },
  {
    up: migration_20261125_131039_translations.up,
    down: migration_20261125_131039_translations.down,
    name: '20261125_131039_translations',
  },
  {
    up: migration_20261201_232502_questionnaire_responses.up,
    down: migration_20261201_232502_questionnaire_responses.down,
    name: '20261201_232502_questionnaire_responses',
  },
  {
    up: migration_20261202_021115_quiz_editor_fields.up,
    down: migration_20261202_021115_quiz_editor_fields.down,
    name: '20261202_021115_quiz_editor_fields',
  },
  {
    up: migration_20261202_021123_quiz_editor_optional_ids.up,
    down: migration_20261202_021123_quiz_editor_optional_ids.down,
    name: '20261202_021123_quiz_editor_optional_ids',
  },
  {
    up: migration_20261202_131305_learner_services.up,
    down: migration_20261202_131305_learner_services.down,
    name: '20261202_131305_learner_services',
  },
  {
    up: migration_20261202_162509_forums.up,
    down: migration_20261202_162509_forums.down,
    name: '20261202_162509_forums',
  },
  {
    up: migration_20261202_224429_questionnaire_consent.up,
    down: migration_20261202_224429_questionnaire_consent.down,
    name: '20261202_224429_questionnaire_consent',
  },
  {
    up: migration_20261203_175357_score_progress.up,
    down: migration_20261203_175357_score_progress.down,
    name: '20261203_175357_score_progress'
  },
];
