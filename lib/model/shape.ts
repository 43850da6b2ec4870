/**
 * The shape of a profile: arrays where arrays belong, objects where objects belong, strings where
 * strings belong. Profiles are TypeScript, but they also arrive as JavaScript (compiled or written
 * by hand) or JSON, where nothing checked the types; a string where a list of groups belongs would
 * otherwise be spread into one group per character. Shape problems are reported before any other
 * check, since those assume the shape.
 */
import type { IssueCollector } from './errors';

type Kind = 'array' | 'object' | 'string' | 'number' | 'boolean';

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function expect(c: IssueCollector, path: string, value: unknown, kind: Kind, optional: boolean): boolean {
  if (value === undefined && optional) return false;
  if (kindOf(value) === kind) return kind !== 'array' || !hasHoles(c, path, value as unknown[]);
  const example: Record<Kind, string> = {
    array: '[...]',
    object: '{ ... }',
    string: "'text'",
    number: 'a number',
    boolean: 'true or false',
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

/**
 * A list written with two commas in a row (`[a, , b]`) has a hole, which `forEach` and `map` skip:
 * every later check would see fewer entries than the list holds, or read a property of nothing.
 */
function hasHoles(c: IssueCollector, path: string, list: unknown[]): boolean {
  let holes = false;
  for (let i = 0; i < list.length; i++) {
    if (!(i in list)) {
      holes = true;
      c.add(
        'VALUE_INVALID',
        `${path}[${i}]`,
        undefined,
        'the list has a hole here (two commas with nothing between them)',
        `remove the extra comma in ${path}, or write the missing entry`,
      );
    }
  }
  return holes;
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

const isPlainObject = (v: unknown): v is Record<string, unknown> => kindOf(v) === 'object';

/** A reference to a key of a Secret, `{ name, key? }`: its key (its name is checkSecret's to report). */
function secretRef(c: IssueCollector, path: string, value: unknown): void {
  if (isPlainObject(value)) expect(c, `${path}.key`, value.key, 'string', true);
}

/** An object whose values are all of one kind (label maps, node counts per pool). */
function mapOf(c: IssueCollector, path: string, value: unknown, kind: Kind, optional: boolean): void {
  if (!expect(c, path, value, 'object', optional)) return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    expect(c, `${path}["${k}"]`, v, kind, false);
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
  expect(c, '$schema', p.$schema, 'string', true);
  expect(c, 'name', p.name, 'string', false);
  expect(c, 'displayName', p.displayName, 'string', false);
  if (expect(c, 'kubernetes', p.kubernetes, 'object', false)) {
    const k = p.kubernetes as Record<string, unknown>;
    expect(c, 'kubernetes.configPath', k.configPath, 'string', false);
    expect(c, 'kubernetes.context', k.context, 'string', false);
  }
  if (expect(c, 'state', p.state, 'object', true)) {
    const st = p.state as Record<string, unknown>;
    expect(c, 'state.kind', st.kind, 'string', false);
    expect(c, 'state.directory', st.directory, 'string', true);
    expect(c, 'state.namespace', st.namespace, 'string', true);
  }
  if (expect(c, 'gpuOperator', p.gpuOperator, 'object', true)) {
    expect(c, 'gpuOperator.driver', (p.gpuOperator as Record<string, unknown>).driver, 'string', true);
  }
  expect(c, 'podSecurityVersion', p.podSecurityVersion, 'string', true);
  eachString(c, 'accessModes', p.accessModes, true);
  eachString(c, 'tenantPriorityClasses', p.tenantPriorityClasses, true);
  if (
    expect(c, 'accelerators', p.accelerators, 'array', true) &&
    !hasHoles(c, 'accelerators', p.accelerators as unknown[])
  )
    (p.accelerators as unknown[]).forEach((a, i) => expect(c, `accelerators[${i}]`, a, 'object', false));
  if (expect(c, 'tenantPods', p.tenantPods, 'object', true)) {
    const tp = p.tenantPods as Record<string, unknown>;
    expect(c, 'tenantPods.maxGracePeriodSeconds', tp.maxGracePeriodSeconds, 'number', true);
    eachString(c, 'tenantPods.inlineCsiDrivers', tp.inlineCsiDrivers, true);
  }
  if (expect(c, 'network', p.network, 'object', true)) {
    const n = p.network as Record<string, unknown>;
    eachString(c, 'network.apiServerCidrs', n.apiServerCidrs, true);
    if (expect(c, 'network.apiServerPorts', n.apiServerPorts, 'array', true))
      (n.apiServerPorts as unknown[]).forEach((x, i) =>
        expect(c, `network.apiServerPorts[${i}]`, x, 'number', false),
      );
    eachString(c, 'network.slurmLoginCidrs', n.slurmLoginCidrs, true);
  }
  if (expect(c, 'schedulers', p.schedulers, 'object', true)) {
    const sch = p.schedulers as Record<string, unknown>;
    if (expect(c, 'schedulers.kueue', sch.kueue, 'object', true)) {
      const k = sch.kueue as Record<string, unknown>;
      mapOf(c, 'schedulers.kueue.nodes', k.nodes, 'number', true);
      if (k.cohort !== false) expect(c, 'schedulers.kueue.cohort', k.cohort, 'string', true);
      mapOf(c, 'schedulers.kueue.tenants', k.tenants, 'object', true);
      for (const [name, o] of Object.entries(isPlainObject(k.tenants) ? k.tenants : {})) {
        if (!isPlainObject(o)) continue;
        expect(c, `schedulers.kueue.tenants["${name}"].borrowingLimit`, o.borrowingLimit, 'number', true);
        expect(c, `schedulers.kueue.tenants["${name}"].lendingLimit`, o.lendingLimit, 'number', true);
      }
      eachString(c, 'schedulers.kueue.workloadControllers', k.workloadControllers, true);
      mapOf(c, 'schedulers.kueue.cpuNodeLabels', k.cpuNodeLabels, 'string', true);
    }
    if (expect(c, 'schedulers.slurm', sch.slurm, 'object', true)) {
      const sl = sch.slurm as Record<string, unknown>;
      mapOf(c, 'schedulers.slurm.nodes', sl.nodes, 'number', false);
      mapOf(c, 'schedulers.slurm.slurmdImages', sl.slurmdImages, 'string', true);
      expect(c, 'schedulers.slurm.clusterName', sl.clusterName, 'string', true);
      expect(c, 'schedulers.slurm.defaultPartition', sl.defaultPartition, 'string', true);
      eachObject(c, 'schedulers.slurm.partitions', sl.partitions, true, (part, path) => {
        expect(c, `${path}.name`, part.name, 'string', false);
        eachString(c, `${path}.pools`, part.pools, false);
        expect(c, `${path}.maxTime`, part.maxTime, 'string', true);
      });
      if (expect(c, 'schedulers.slurm.accounting', sl.accounting, 'object', true)) {
        const a = sl.accounting as Record<string, unknown>;
        expect(c, 'schedulers.slurm.accounting.host', a.host, 'string', false);
        eachString(c, 'schedulers.slurm.accounting.cidrs', a.cidrs, true);
        expect(c, 'schedulers.slurm.accounting.port', a.port, 'number', true);
        expect(c, 'schedulers.slurm.accounting.database', a.database, 'string', true);
        expect(c, 'schedulers.slurm.accounting.user', a.user, 'string', true);
        secretRef(c, 'schedulers.slurm.accounting.passwordSecret', a.passwordSecret);
      }
      if (expect(c, 'schedulers.slurm.login', sl.login, 'object', true)) {
        const l = sl.login as Record<string, unknown>;
        expect(c, 'schedulers.slurm.login.replicas', l.replicas, 'number', true);
        expect(c, 'schedulers.slurm.login.serviceType', l.serviceType, 'string', true);
        secretRef(c, 'schedulers.slurm.login.sssdConfSecret', l.sssdConfSecret);
      }
    }
  }
  eachObject(c, 'storageTiers', p.storageTiers, true, (t, path) => {
    expect(c, `${path}.name`, t.name, 'string', false);
    expect(c, `${path}.capacity`, t.capacity, 'string', false);
    expect(c, `${path}.driver`, t.driver, 'object', false);
    eachString(c, `${path}.accessModes`, t.accessModes, true);
    expect(c, `${path}.default`, t.default, 'boolean', true);
    expect(c, `${path}.allowVolumeExpansion`, t.allowVolumeExpansion, 'boolean', true);
    expect(c, `${path}.reclaimPolicy`, t.reclaimPolicy, 'string', true);
    expect(c, `${path}.volumeBindingMode`, t.volumeBindingMode, 'string', true);
    expect(c, `${path}.note`, t.note, 'string', true);
    eachString(c, `${path}.mountOptions`, t.mountOptions, true);
    if (isPlainObject(t.driver)) eachString(c, `${path}.driver.mountOptions`, t.driver.mountOptions, true);
  });
  expect(c, 'slurmStateTier', p.slurmStateTier, 'string', true);
  eachObject(c, 'cpuPools', p.cpuPools, true, (pool, path) => {
    expect(c, `${path}.name`, pool.name, 'string', false);
    if (expect(c, `${path}.nodes`, pool.nodes, 'object', false)) {
      const n = pool.nodes as Record<string, unknown>;
      expect(c, `${path}.nodes.hostlist`, n.hostlist, 'string', true);
      mapOf(c, `${path}.nodes.labels`, n.labels, 'string', true);
      expect(c, `${path}.nodes.count`, n.count, 'number', true);
    }
    expect(c, `${path}.coresPerNode`, pool.coresPerNode, 'number', false);
    expect(c, `${path}.memoryPerNode`, pool.memoryPerNode, 'string', false);
    expect(c, `${path}.note`, pool.note, 'string', true);
  });
  eachObject(c, 'nodePools', p.nodePools, false, (pool, path) => {
    expect(c, `${path}.name`, pool.name, 'string', false);
    expect(c, `${path}.accelerator`, pool.accelerator, 'string', false);
    if (expect(c, `${path}.nodes`, pool.nodes, 'object', false)) {
      const n = pool.nodes as Record<string, unknown>;
      expect(c, `${path}.nodes.hostlist`, n.hostlist, 'string', true);
      mapOf(c, `${path}.nodes.labels`, n.labels, 'string', true);
      expect(c, `${path}.nodes.count`, n.count, 'number', true);
    }
    expect(c, `${path}.gpusPerNode`, pool.gpusPerNode, 'number', false);
    expect(c, `${path}.timeSlicingReplicas`, pool.timeSlicingReplicas, 'number', true);
    expect(c, `${path}.timeSlicingSharedByTenants`, pool.timeSlicingSharedByTenants, 'boolean', true);
    if (expect(c, `${path}.mig`, pool.mig, 'object', true)) {
      mapOf(c, `${path}.mig.profiles`, (pool.mig as Record<string, unknown>).profiles, 'number', false);
    }
    expect(c, `${path}.note`, pool.note, 'string', true);
    if (expect(c, `${path}.taint`, pool.taint, 'object', true)) {
      const t = pool.taint as Record<string, unknown>;
      for (const key of ['key', 'value', 'effect'])
        expect(c, `${path}.taint.${key}`, t[key], 'string', false);
    }
    if (expect(c, `${path}.interconnect`, pool.interconnect, 'object', true)) {
      const ic = pool.interconnect as Record<string, unknown>;
      expect(c, `${path}.interconnect.fabric`, ic.fabric, 'string', false);
      expect(c, `${path}.interconnect.generation`, ic.generation, 'string', false);
      expect(c, `${path}.interconnect.linksPerNode`, ic.linksPerNode, 'number', false);
      expect(c, `${path}.interconnect.gbpsPerLink`, ic.gbpsPerLink, 'number', false);
    }
    if (expect(c, `${path}.overcommit`, pool.overcommit, 'object', true)) {
      const o = pool.overcommit as Record<string, unknown>;
      expect(c, `${path}.overcommit.factor`, o.factor, 'number', false);
      expect(c, `${path}.overcommit.reason`, o.reason, 'string', false);
    }
  });
  eachObject(c, 'tenants', p.tenants, false, (t, path) => {
    expect(c, `${path}.name`, t.name, 'string', false);
    expect(c, `${path}.accessMode`, t.accessMode, 'string', false);
    expect(c, `${path}.displayName`, t.displayName, 'string', true);
    expect(c, `${path}.sector`, t.sector, 'string', true);
    if (expect(c, `${path}.allocation`, t.allocation, 'object', true)) {
      const a = t.allocation as Record<string, unknown>;
      for (const key of ['projectId', 'start', 'end'])
        expect(c, `${path}.allocation.${key}`, a[key], 'string', false);
    }
    eachObject(c, `${path}.gpus`, t.gpus, false, (g, gp) => {
      expect(c, `${gp}.pool`, g.pool, 'string', false);
      expect(c, `${gp}.count`, g.count, 'number', true);
      expect(c, `${gp}.gpuHours`, g.gpuHours, 'number', true);
      expect(c, `${gp}.migProfile`, g.migProfile, 'string', true);
    });
    if (expect(c, `${path}.resources`, t.resources, 'object', true)) {
      const r = t.resources as Record<string, unknown>;
      for (const key of ['cpu', 'memory', 'ephemeralStorage'])
        expect(c, `${path}.resources.${key}`, r[key], 'string', true);
      for (const key of ['pods', 'persistentVolumeClaims'])
        expect(c, `${path}.resources.${key}`, r[key], 'number', true);
    }
    if (expect(c, `${path}.groups`, t.groups, 'object', false)) {
      const g = t.groups as Record<string, unknown>;
      eachString(c, `${path}.groups.admins`, g.admins, false);
      eachString(c, `${path}.groups.members`, g.members, true);
    }
    eachString(c, `${path}.egressCidrs`, t.egressCidrs, true);
    expect(c, `${path}.retired`, t.retired, 'boolean', true);
    eachObject(c, `${path}.storage`, t.storage, true, (g, gp) => {
      expect(c, `${gp}.tier`, g.tier, 'string', false);
      expect(c, `${gp}.capacity`, g.capacity, 'string', false);
      expect(c, `${gp}.claims`, g.claims, 'number', true);
    });
    eachObject(c, `${path}.volumes`, t.volumes, true, (v, vp) => {
      expect(c, `${vp}.name`, v.name, 'string', false);
      expect(c, `${vp}.tier`, v.tier, 'string', false);
      expect(c, `${vp}.size`, v.size, 'string', false);
      expect(c, `${vp}.accessMode`, v.accessMode, 'string', true);
    });
  });
  eachObject(c, 'retiredTenants', p.retiredTenants, true, (t, path) => {
    expect(c, `${path}.name`, t.name, 'string', false);
    eachString(c, `${path}.volumes`, t.volumes, true);
    expect(c, `${path}.note`, t.note, 'string', true);
    expect(c, `${path}.dataDeleted`, t.dataDeleted, 'string', true);
    eachObject(c, `${path}.storage`, t.storage, true, (g, gp) => {
      expect(c, `${gp}.tier`, g.tier, 'string', false);
      expect(c, `${gp}.capacity`, g.capacity, 'string', false);
      expect(c, `${gp}.claims`, g.claims, 'number', true);
    });
  });
  return c.issues.length === before;
}
