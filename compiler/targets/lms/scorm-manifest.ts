/**
 * `imsmanifest.xml` of a SCORM package: one organization, one item, one SCO (the launch page
 * `scorm.html`) listing every file of the package with relative hrefs. SCORM 1.2 states the mastery
 * score; 2004 (4th edition) states no sequencing and no thresholds, so the LMS keeps what the
 * course reports (Moodle implements 2004 without sequencing). Checked against the official XSDs in
 * test/targets/.
 */
import type { ScormVersion } from '../../../runtime/lms/lms-api.ts';

export interface ScormManifestInput {
  version: ScormVersion;
  /** Unique per package: `polycourse.<course>.<locale or all>`. */
  identifier: string;
  title: string;
  /** SCORM 1.2 `adlcp:masteryscore` (0–100), when the course has quizzes. */
  masteryScore?: number;
  /** Every file of the package except imsmanifest.xml, posix paths relative to its root. */
  files: string[];
}

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`,
  );

/** A file's href: relative, each segment percent-encoded (RFC 3986), never starting with `/`. */
const href = (file: string) => file.split('/').map(encodeURIComponent).join('/');

export function scormManifest(input: ScormManifestInput): string {
  const files = input.files.map((f) => `      <file href="${escapeXml(href(f))}"/>`).join('\n');
  const title = escapeXml(input.title);
  const id = escapeXml(input.identifier);
  if (input.version === '1.2') {
    const mastery =
      input.masteryScore === undefined
        ? ''
        : `\n        <adlcp:masteryscore>${input.masteryScore}</adlcp:masteryscore>`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd
    http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${title}</title>
      <item identifier="course-item" identifierref="course-sco" isvisible="true">
        <title>${title}</title>${mastery}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="course-sco" type="webcontent" adlcp:scormtype="sco" href="scorm.html">
${files}
    </resource>
  </resources>
</manifest>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd
    http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd
    http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd
    http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd
    http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${title}</title>
      <item identifier="course-item" identifierref="course-sco">
        <title>${title}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="course-sco" type="webcontent" adlcp:scormType="sco" href="scorm.html">
${files}
    </resource>
  </resources>
</manifest>
`;
}
