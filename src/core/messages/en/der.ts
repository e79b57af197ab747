/** DER structure problems: a named part of the input is missing, has the wrong type or is not DER. */
export default {
  'der.missingOrWrongType': '{what} is missing or has the wrong type',
  'der.notDer': '{what} is not valid DER: {reason}',
  // Decoding (src/core/der/): every message names the offset of the element that failed.
  'der.noBytes': 'no bytes at offset {offset}',
  'der.tagCutShort': 'tag cut short at offset {offset}',
  'der.tagTooLarge': 'tag number too large at offset {offset}',
  'der.lengthCutShort': 'length cut short at offset {offset}',
  'der.indefinitePrimitive': 'indefinite length on a primitive element at offset {offset}',
  'der.lengthTooLong': 'length too long at offset {offset}',
  'der.tooDeep': 'nested too deeply at offset {offset}',
  'der.noEndOfContents': 'indefinite-length element has no end-of-contents at offset {offset}',
  'der.pastEnd': 'length {length} runs past the end at offset {offset}',
  'der.pastEnclosing': 'length {length} runs past the end of its enclosing element at offset {offset}',
  'der.trailing': '{count} bytes after the end of the element at offset {offset}',
  'der.missingIn': '{what} is missing from the element at offset {offset}',
  'der.wrongType': '{what} has the wrong type at offset {offset}',
  'der.invalidOid': '{what} is not a valid OBJECT IDENTIFIER at offset {offset}',
  'der.opensslRefuses': 'openssl refuses to load this: {reason} at offset {offset}',
} as const;
