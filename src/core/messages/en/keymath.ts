/** Key arithmetic (computing public keys from private ones). */
export default {
  'keymath.curveUnusable': 'EC curve parameters are not usable to compute the public key: {reason}',
  'keymath.negativeExponent': 'a negative exponent cannot be used to compute g^x mod p',
  'keymath.orderMismatch': 'EC curve order n does not match the generator (n·G is not the point at infinity)',
  'keymath.orderNotPositive': 'EC curve order is not positive',
} as const;
