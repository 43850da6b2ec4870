/** Quantities as the library writes them into quotas: canonical, as the API server stores them. */

/** Whole cores, or millicores where the share is fractional (both canonical). */
export function cpuQuantity(cores: number): string {
  const milli = Math.floor(cores * 1000);
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/**
 * Memory in the canonical form the API server stores it in (the largest binary suffix that keeps a
 * whole number, so 12288Gi is `12Ti`), rounded down to Mi so shares never add up to more than the
 * total. A non-canonical quantity would come back changed after apply, which kubernetes_manifest
 * reports as an inconsistent result.
 */
export function memoryQuantity(bytes: number): string {
  let value = Math.floor(bytes / 2 ** 20);
  if (value === 0) return '0';
  const suffixes = ['Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  let i = 0;
  while (value % 1024 === 0 && i < suffixes.length - 1) {
    value /= 1024;
    i++;
  }
  return `${value}${suffixes[i]}`;
}
