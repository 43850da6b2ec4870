/**
 * Name order, the one order the library builds things in: reordering a profile must change no byte
 * of output. Code-point comparison, so the order never depends on the machine's locale.
 */

export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The items sorted by name (a copy). */
export function byName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareNames(a.name, b.name));
}

/** One item per name (the last one given wins), sorted by name. */
export function uniqueByName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return byName([...new Map(items.map((i) => [i.name, i])).values()]);
}
