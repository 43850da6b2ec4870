/**
 * Slurm hostlist expressions (`lrdn[0001-0128]`, `nid[001-004,010],login01`), as `scontrol show
 * hostnames` expands them: https://slurm.schedmd.com/scontrol.html#OPT_hostnames
 *
 * Several bracket groups in one name expand as a product (`r[1-2]n[1-2]` gives r1n1 r1n2 r2n1 r2n2).
 * Zero padding follows the lower bound of each range, as in Slurm.
 */

/** Largest list the library will expand; a typo like `n[1-1000000]` should fail, not eat memory. */
export const MAX_HOSTLIST_NODES = 20_000;

export class HostlistError extends Error {}

/** Splits at top-level commas (commas inside brackets separate ranges, not hosts). */
function splitTopLevel(expr: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of expr) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (depth < 0) throw new HostlistError(`unbalanced ']' in '${expr}'`);
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0) throw new HostlistError(`unbalanced '[' in '${expr}'`);
  parts.push(current);
  return parts;
}

function expandRanges(body: string, expr: string): string[] {
  const out: string[] = [];
  for (const range of body.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(range);
    if (!m) throw new HostlistError(`'${range}' in '${expr}' is not a number or a range like 001-128`);
    const lo = m[1];
    const hi = m[2] ?? m[1];
    const start = Number(lo);
    const end = Number(hi);
    if (end < start) throw new HostlistError(`range '${range}' in '${expr}' runs backwards`);
    if (end - start + 1 > MAX_HOSTLIST_NODES) {
      throw new HostlistError(`range '${range}' in '${expr}' has more than ${MAX_HOSTLIST_NODES} hosts`);
    }
    const width = lo.length;
    for (let n = start; n <= end; n++) out.push(String(n).padStart(width, '0'));
  }
  return out;
}

function expandOne(item: string, expr: string): string[] {
  const open = item.indexOf('[');
  if (open < 0) return [item];
  const close = item.indexOf(']', open);
  const head = item.slice(0, open);
  const body = item.slice(open + 1, close);
  const tails = expandOne(item.slice(close + 1), expr);
  const result: string[] = [];
  for (const n of expandRanges(body, expr)) {
    for (const tail of tails) {
      result.push(`${head}${n}${tail}`);
      if (result.length > MAX_HOSTLIST_NODES) {
        throw new HostlistError(`'${expr}' expands to more than ${MAX_HOSTLIST_NODES} hosts`);
      }
    }
  }
  return result;
}

/**
 * Expanded lists by expression. Validation, the pool construct and every capacity query (one per
 * tenant and grant) ask for the same pool's nodes; a 20,000-node list expanded per tenant cost
 * seconds per 1,000 tenants (docs/performance.md). The few most recent expressions are kept, so a
 * long-running process that sees many profiles does not keep every list alive.
 */
const expanded = new Map<string, readonly string[]>();
const KEEP_EXPANDED = 32;
let expansions = 0;

/** How many times a hostlist was actually parsed (not served from the cache); for tests. */
export function hostlistExpansionCount(): number {
  return expansions;
}

/**
 * Expands a hostlist expression into host names, in the order written. The list is computed once
 * per expression and shared (frozen): copy it before changing it.
 * @throws HostlistError with a message naming the offending part
 */
export function expandHostlist(expr: string): readonly string[] {
  const cached = expanded.get(expr);
  if (cached) return cached;
  const hosts = Object.freeze(parseHostlist(expr));
  expansions++;
  if (expanded.size >= KEEP_EXPANDED) expanded.delete(expanded.keys().next().value as string);
  expanded.set(expr, hosts);
  return hosts;
}

function parseHostlist(expr: string): string[] {
  if (expr.trim() === '') throw new HostlistError('the hostlist is empty');
  if (/\s/.test(expr)) throw new HostlistError(`'${expr}' contains white space`);
  const hosts: string[] = [];
  for (const item of splitTopLevel(expr)) {
    if (item === '') throw new HostlistError(`'${expr}' has an empty entry between commas`);
    hosts.push(...expandOne(item, expr));
    if (hosts.length > MAX_HOSTLIST_NODES) {
      throw new HostlistError(`'${expr}' expands to more than ${MAX_HOSTLIST_NODES} hosts`);
    }
  }
  return hosts;
}
