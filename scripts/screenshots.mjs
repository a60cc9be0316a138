// Screenshots of the demo course for the docs: node scripts/screenshots.mjs [locales…]
// Builds the demo into a temp folder, serves it, and captures lesson, quiz and RTL pages in
// Chromium.
import { register } from 'tsx/esm/api';
register();
const { takeScreenshots } = await import('./take-screenshots.ts');
await takeScreenshots(process.argv.slice(2));
