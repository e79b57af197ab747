/** Failing as such: text that is not ours to word (a library's, the platform's), or nothing to say at all. */
export default {
  'error.text': '{text}',
  'error.unexpected': 'unexpected error',
} as const;
