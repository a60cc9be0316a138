import * as migration_20261125_035856_initial from './20261125_035856_initial.ts';
import * as migration_20261125_125131_user_api_keys from './20261125_125131_user_api_keys.ts';

export const migrations = [
  {
    up: migration_20261125_035856_initial.up,
    down: migration_20261125_035856_initial.down,
    name: '20261125_035856_initial',
  },
  {
    up: migration_20261125_125131_user_api_keys.up,
    down: migration_20261125_125131_user_api_keys.down,
    name: '20261125_125131_user_api_keys'
  },
];
