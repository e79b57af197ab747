/** Messages several areas share. */
export default {
  'general.daysNotPositive': '{days} is not a positive number of days',
  'general.notJson': 'not JSON: {reason}',
  'general.notHex': 'not a hex string',
} as const;
