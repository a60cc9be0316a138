/**
 * The bundle's tab icon, for the theme's pages and the language chooser: inline, so it costs no
 * request and shows from a folder or USB stick too (an open book in the default theme's accent
 * colour).
 */
export const faviconHref =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
      '<rect width="32" height="32" rx="7" fill="#0b5cad"/>' +
      '<path d="M6 9c4-1 7 0 10 2 3-2 6-3 10-2v14c-4-1-7 0-10 2-3-2-6-3-10-2z" fill="#fff"/>' +
      '<path d="M16 11v14" stroke="#0b5cad" stroke-width="1.5"/></svg>',
  );
