/** Subject attributes as typed: what is wrong with one. */
export default {
  'subject.controlCharacter': '{type} contains a control character',
  'subject.country': 'C must be a two-letter country code (ISO 3166) like DE or US, not "{value}"',
  'subject.email': 'emailAddress "{value}" is not an ASCII address like name@example.com',
  'subject.empty': '{type} is empty',
  'subject.spaceAtEnd': '{type} "{value}" starts or ends with a space',
  'subject.tooLong': '{type} is {length} characters; at most {max} fit',
  'subject.unknownType': 'unknown subject attribute type {type} (CN, O, OU, C, ST, L, emailAddress are offered)',
} as const;
