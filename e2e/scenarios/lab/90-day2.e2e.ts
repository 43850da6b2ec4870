/**
 * Day 2, for real: the operator edits the profile and deploys again, step by step (raise a grant,
 * retire a tenant, move a retired tenant to `retiredTenants`), and the cluster follows without
 * losing data: namespaces and volumes stay, the record of what Terraform holds lets them go. A
 * tenant deleted from the profile instead is refused by prevent_destroy before anything changes.
 * Runs last: it changes the site the other scenarios use.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SiteProfile, TenantSpec } from '../../../lib';
import { planStack, readRecord } from '../../harness/deploy';
import { deploy, E2E_DATE, options, siteStacks } from '../../harness/main';
import { profile as lab } from '../../sites/lab';
import {
  admin,
  ADMIN,
  cluster,
  condition,
  create,
  eventually,
  job,
  kubectl,
  podsOf,
  tenant,
  workloadOf,
} from '../helpers';

type Edit = (tenants: TenantSpec[], p: SiteProfile) => Partial<SiteProfile> | void;

/** Writes the e2e profile with an edit into a sites folder of its own and deploys it. */
function deployEdited(step: string, edit: Edit): void {
  const p = JSON.parse(JSON.stringify(lab)) as SiteProfile & { tenants: TenantSpec[] };
  const more = edit(p.tenants, p) ?? {};
  const dir = path.join(cluster().work, 'day2', step);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'lab.ts'),
    `export const profile = ${JSON.stringify({ ...p, ...more }, null, 2)};\n`,
  );
  deploy(cluster(), options(['--sites', dir, '--date', E2E_DATE]));
}

const stacksDir = (): string => path.join(cluster().work, 'out', 'stacks');
const tenantsStack = (): string => siteStacks(stacksDir())[0].tenants;
const hard = (ns: string): Record<string, string> =>
  admin(['get', 'resourcequota', 'tenant-quota', '-n', ns, '-o', 'json']).spec.hard;

const beta = (t: TenantSpec[]): TenantSpec => t.find((x) => x.name === 'beta') as TenantSpec;
const raiseBeta: Edit = (t) => {
  (beta(t) as { gpus: unknown }).gpus = [{ pool: 'h100', count: 3 }];
};
const retireGamma: Edit = (t) => {
  (t.find((x) => x.name === 'gamma') as { retired?: boolean }).retired = true;
};
const forgetOmega: Edit = (t) => {
  t.splice(
    t.findIndex((x) => x.name === 'omega'),
    1,
  );
  return {
    retiredTenants: [
      {
        name: 'omega',
        volumes: ['results'],
        note: 'EHPC-AIF-2026FL03-0006 ended 2026-10-31',
        storage: [],
      },
    ],
  };
};

describe('day 2: the profile changes, the cluster follows, the data stays', () => {
  it('raises a grant: quota and queue follow', () => {
    const nominal = (): string =>
      admin(['get', 'clusterqueue', 'beta', '-o', 'json']).spec.resourceGroups[0].flavors[0].resources.find(
        (r: { name: string }) => r.name === 'nvidia.com/gpu',
      ).nominalQuota;
    // The namespace quota holds the grant plus what the tenant may borrow in the cohort.
    const quota = (): number => Number(hard('beta')['requests.nvidia.com/gpu']);
    const before = quota();
    expect(nominal()).toBe('2');
    deployEdited('1-raise', raiseBeta);
    expect(nominal()).toBe('3');
    expect(quota()).toBeGreaterThan(before);
    expect(planStack(cluster(), tenantsStack())).toBe('');
  });

  it('retires a tenant: its GPUs and queues go and its running work drains, its namespace stays', async () => {
    // A job that would run for ten minutes holds gamma's MIG slices when the retirement lands.
    expect(
      create(
        tenant('gamma'),
        job('gamma', 'long', { queue: 'default', resources: { 'nvidia.com/mig-1g.5gb': 2 }, runMs: 600_000 }),
      ).stderr,
    ).toBe('');
    await eventually(
      'the long job admitted',
      () => condition(workloadOf('gamma', 'long'), 'Admitted')?.status === 'True',
    );
    deployEdited('2-retire', (t, p) => {
      raiseBeta(t, p);
      retireGamma(t, p);
    });
    // HoldAndDrain: Kueue evicts the admitted workload, the job is suspended and its pods go.
    await eventually(
      'the long job evicted',
      () => condition(workloadOf('gamma', 'long'), 'Evicted')?.status === 'True',
    );
    await eventually('its pods gone', () => podsOf('gamma', 'long').length === 0);
    expect(hard('gamma')['requests.nvidia.com/mig-1g.5gb']).toBe('0');
    expect(admin(['get', 'clusterqueue', 'gamma', '-o', 'json']).spec.stopPolicy).toBe('HoldAndDrain');
    expect(admin(['get', 'namespace', 'gamma', '-o', 'name'])).toContain('gamma');
    expect(planStack(cluster(), tenantsStack())).toBe('');
  });

  it('moves a retired tenant to retiredTenants: Terraform forgets it, the cluster keeps it', () => {
    const before = readRecord(cluster(), 'lab-tenants').filter(
      (r) => r.namespace === 'omega' || r.name === 'omega',
    );
    expect(before.map((r) => r.kind)).toEqual(expect.arrayContaining(['Namespace', 'PersistentVolumeClaim']));
    deployEdited('3-forget', (t, p) => {
      raiseBeta(t, p);
      retireGamma(t, p);
      return forgetOmega(t, p);
    });
    const after = readRecord(cluster(), 'lab-tenants');
    expect(after.filter((r) => r.namespace === 'omega' || r.name === 'omega')).toEqual([]);
    // The namespace and the volume claim are still in the cluster, with the data behind them.
    expect(admin(['get', 'namespace', 'omega', '-o', 'name'])).toContain('omega');
    expect(admin(['get', 'pvc', 'results', '-n', 'omega', '-o', 'name'])).toContain('results');
  });

  it('refuses a tenant deleted from the profile instead of retired (prevent_destroy), and deletes nothing', () => {
    expect(() =>
      deployEdited('4-delete', (t, p) => {
        raiseBeta(t, p);
        retireGamma(t, p);
        const more = forgetOmega(t, p);
        t.splice(
          t.findIndex((x) => x.name === 'delta'),
          1,
        );
        return more;
      }),
    ).toThrow(/Instance cannot be destroyed: .*kubernetes_namespace_v1\.tenant_delta_namespace/);
    expect(kubectl(ADMIN, ['get', 'namespace', 'delta']).ok).toBe(true);
    expect(admin(['get', 'resourcequota', 'tenant-quota', '-n', 'delta', '-o', 'name'])).toContain(
      'tenant-quota',
    );
  });
});
