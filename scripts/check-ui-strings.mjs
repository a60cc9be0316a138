// npm run i18n:check — every UI string the templates and runtime use exists in the source catalog,
// every catalog entry is used, and every locale catalog passes msgfmt --check (Debian gettext).
import { register } from 'tsx/esm/api';
register();
const { runUiStringCheck } = await import('./check-ui-strings.ts');
process.exitCode = runUiStringCheck();
