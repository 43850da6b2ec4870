/**
 * Kubernetes resource quantities (https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/),
 * parsed to numbers for capacity arithmetic and checked before they reach the API server.
 */

const SUFFIX: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

export function isQuantity(value: string): boolean {
  return QUANTITY.test(value);
}

/** The quantity as a plain number (bytes, cores ...); throws on a malformed quantity. */
export function parseQuantity(value: string): number {
  const m = QUANTITY.exec(value);
  if (!m) throw new Error(`'${value}' is not a Kubernetes quantity (e.g. 500Gi, 2Ti, 1500m)`);
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * SUFFIX[m[3] ?? ''];
}
