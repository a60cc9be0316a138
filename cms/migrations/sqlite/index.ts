import * as migration_20261125_035856_initial from './20261125_035856_initial.ts';
import * as migration_20261125_125131_user_api_keys from './20261125_125131_user_api_keys.ts';
import * as migration_20261125_131032_translations from './20261125_131032_translations.ts';
import * as migration_20261201_232453_questionnaire_responses from './20261201_232453_questionnaire_responses.ts';
import * as migration_20261202_021112_quiz_editor_fields from './20261202_021112_quiz_editor_fields.ts';
import * as migration_20261202_021120_quiz_editor_optional_ids from './20261202_021120_quiz_editor_optional_ids.ts';
import * as migration_20261202_131244_learner_services from './20261202_131244_learner_services.ts';
import * as migration_20261202_162457_forums from './20261202_162457_forums.ts';
import * as migration_20261202_224417_questionnaire_consent from './20261202_224417_questionnaire_consent.ts';
import * as migration_20261203_175351_score_progress from './20261203_175351_score_progress.ts';

export const migrations = [
  {
    up: migration_20261125_035856_initial.up,
    down: migration_20261125_035856_initial.down,
    name: '20261125_035856_initial',
  },
  {
    up: migration_20261125_125131_user_api_keys.up,
    down: migration_20261125_125131_user_api_keys.down,
    name: '20261125_125131_user_api_keys',
  },
  {
    up: migration_20261125_131032_translations.up,
    down: migration_20261125_131032_translations.down,
    name: '20261125_131032_translations',
  },
  {
    up: migration_20261201_232453_questionnaire_responses.up,
    down: migration_20261201_232453_questionnaire_responses.down,
    name: '20261201_232453_questionnaire_responses',
  },
  {
    up: migration_20261202_021112_quiz_editor_fields.up,
    down: migration_20261202_021112_quiz_editor_fields.down,
    name: '20261202_021112_quiz_editor_fields',
  },
  {
    up: migration_20261202_021120_quiz_editor_optional_ids.up,
    down: migration_20261202_021120_quiz_editor_optional_ids.down,
    name: '20261202_021120_quiz_editor_optional_ids',
  },
  {
    up: migration_20261202_131244_learner_services.up,
    down: migration_20261202_131244_learner_services.down,
    name: '20261202_131244_learner_services',
  },
  {
    up: migration_20261202_162457_forums.up,
    down: migration_20261202_162457_forums.down,
    name: '20261202_162457_forums',
  },
  {
    up: migration_20261202_224417_questionnaire_consent.up,
    down: migration_20261202_224417_questionnaire_consent.down,
    name: '20261202_224417_questionnaire_consent',
  },
  {
    up: migration_20261203_175351_score_progress.up,
    down: migration_20261203_175351_score_progress.down,
    name: '20261203_175351_score_progress'
  },
];
