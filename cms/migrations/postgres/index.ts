import * as migration_20261125_035900_initial from './20261125_035900_initial.ts';

export const migrations = [
  {
    up: migration_20261125_035900_initial.up,
    down: migration_20261125_035900_initial.down,
    name: '20261125_035900_initial'
  },
];
