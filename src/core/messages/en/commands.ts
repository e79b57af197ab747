/** Equivalent openssl commands. */
export default {
  'commands.unsafeValue': '{what} "{value}" {why}',
} as const;
