/** The names of the targets a build can deliver, as the CLI takes them (no target code loaded). */
export const targetNames = ['folder', 'zip', 'scorm12', 'scorm2004', 'cmi5'] as const;
export type TargetName = (typeof targetNames)[number];

export const isTargetName = (name: string): name is TargetName =>
  (targetNames as readonly string[]).includes(name);

/** The targets that make packages for an LMS, which the CMS offers when publishing. */
export const packageNames = [
  'scorm12',
  'scorm2004',
  'cmi5',
] as const satisfies readonly TargetName[];
export type PackageName = (typeof packageNames)[number];

export const isPackageName = (name: unknown): name is PackageName =>
  (packageNames as readonly unknown[]).includes(name);
