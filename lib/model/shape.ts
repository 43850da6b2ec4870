/**
 * The shape of a profile: arrays where arrays belong, objects where objects belong, strings where
 * strings belong. Profiles are TypeScript, but they also arrive as JavaScript (compiled or written
 * by hand) or JSON, where nothing checked the types; a string where a list of groups belongs would
 * otherwise be spread into one group per character. Shape problems are reported before any other
 * check, since those assume the shape.
 */
import type { IssueCollector } from './errors';

type Kind = 'array' | 'object' | 'string' | 'number';

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function expect(c: IssueCollector, path: string, value: unknown, kind: Kind, optional: boolean): boolean {
  if (value === undefined && optional) return false;
  if (kindOf(value) === kind) return true;
  const example: Record<Kind, string> = {
    array: '[...]',
    object: '{ ... }',
    string: "'text'",
    number: 'a number',
  };
  c.add(
    'VALUE_INVALID',
    path,
    value,
    `expected ${kind === 'array' ? 'a list' : kind === 'object' ? 'an object' : `a ${kind}`}, got ${value === undefined ? 'nothing' : kindOf(value)}`,
    `write ${path} as ${example[kind]}`,
  );
  return false;
}

function eachObject(
  c: IssueCollector,
  path: string,
  value: unknown,
  optional: boolean,
  visit: (item: Record<string, unknown>, p: string) => void,
): void {
  if (!expect(c, path, value, 'array', optional)) return;
  (value as unknown[]).forEach((item, i) => {
    if (expect(c, `${path}[${i}]`, item, 'object', false))
      visit(item as Record<string, unknown>, `${path}[${i}]`);
  });
}

function eachString(c: IssueCollector, path: string, value: unknown, optional: boolean): void {
  if (!expect(c, path, value, 'array', optional)) return;
  (value as unknown[]).forEach((item, i) => expect(c, `${path}[${i}]`, item, 'string', false));
}

/** Reports every shape problem of a profile; returns true when the shape is sound. */
export function checkShape(c: IssueCollector, profile: unknown): boolean {
  const before = c.issues.length;
  if (!expect(c, '(profile)', profile, 'object', false)) return false;
  const p = profile as Record<string, unknown>;
  expect(c, 'name', p.name, 'string', false);
  expect(c, 'displayName', p.displayName, 'string', false);
  if (expect(c, 'kubernetes', p.kubernetes, 'object', false)) {
    const k = p.kubernetes as Record<string, unknown>;
    expect(c, 'kubernetes.configPath', k.configPath, 'string', false);
    expect(c, 'kubernetes.context', k.context, 'string', false);
  }
  expect(c, 'state', p.state, 'object', true);
  expect(c, 'gpuOperator', p.gpuOperator, 'object', true);
  eachString(c, 'accessModes', p.accessModes, true);
  expect(c, 'schedulers', p.schedulers, 'object', true);
  eachObject(c, 'storageTiers', p.storageTiers, true, (t, path) => {
    expect(c, `${path}.name`, t.name, 'string', false);
    expect(c, `${path}.driver`, t.driver, 'object', false);
  });
  eachObject(c, 'nodePools', p.nodePools, false, (pool, path) => {
    expect(c, `${path}.name`, pool.name, 'string', false);
    expect(c, `${path}.accelerator`, pool.accelerator, 'string', false);
    expect(c, `${path}.nodes`, pool.nodes, 'object', false);
    if (expect(c, `${path}.mig`, pool.mig, 'object', true)) {
      expect(c, `${path}.mig.profiles`, (pool.mig as Record<string, unknown>).profiles, 'object', false);
    }
    expect(c, `${path}.taint`, pool.taint, 'object', true);
    expect(c, `${path}.interconnect`, pool.interconnect, 'object', true);
    expect(c, `${path}.overcommit`, pool.overcommit, 'object', true);
  });
  eachObject(c, 'tenants', p.tenants, false, (t, path) => {
    expect(c, `${path}.name`, t.name, 'string', false);
    expect(c, `${path}.accessMode`, t.accessMode, 'string', false);
    expect(c, `${path}.allocation`, t.allocation, 'object', true);
    eachObject(c, `${path}.gpus`, t.gpus, false, (g, gp) => expect(c, `${gp}.pool`, g.pool, 'string', false));
    expect(c, `${path}.resources`, t.resources, 'object', true);
    if (expect(c, `${path}.groups`, t.groups, 'object', false)) {
      const g = t.groups as Record<string, unknown>;
      eachString(c, `${path}.groups.admins`, g.admins, false);
      eachString(c, `${path}.groups.members`, g.members, true);
    }
    eachString(c, `${path}.egressCidrs`, t.egressCidrs, true);
    eachObject(c, `${path}.storage`, t.storage, true, () => undefined);
    eachObject(c, `${path}.volumes`, t.volumes, true, () => undefined);
  });
  return c.issues.length === before;
}
