/**
 * The Workshop area's own UI words (buttons and labels around the labs). The labs' texts themselves
 * live in the workshop core's catalogs (src/workshop/labs.en.ts, labs.de.ts).
 */
const en = {
  loading: 'Loading…',
  copyArtifact: 'Copy {name}',
  download: 'Download {file}',
  passed: 'passed:',
  failed: 'failed:',
  copyCommand: 'Copy {tool} command {n}',
} as const;

export default en;
