/**
 * `aif probe` against the live control plane: every control holds for every tenant; with one
 * policy binding removed from the cluster the probe fails on that control (exit 1), and holds again
 * once the deploy has put it back.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO } from '../../harness/cluster';
import { deploy, E2E_DATE, options } from '../../harness/main';
import { admin, cluster } from '../helpers';

interface Rows {
  rows: Array<{ id: string; tenant: string; status: string; detail: string }>;
  failed: number;
}

function probe(...extra: string[]): { code: number; result: Rows } {
  const state = cluster();
  const args = [
    path.join(REPO, 'dist', 'lib', 'cli', 'main.js'),
    'probe',
    '--out',
    path.join(state.work, 'out'),
    '--kubeconfig',
    state.kubeconfig,
    '--kubectl',
    path.join(state.bin, 'kubectl'),
    '--json',
    ...extra,
  ];
  try {
    return {
      code: 0,
      result: JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Rows,
    };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { code: err.status, result: JSON.parse(err.stdout) as Rows };
  }
}

describe('aif probe on the live control plane', () => {
  it('finds every control holding for every tenant with rights', () => {
    const { code, result } = probe();
    expect(result.rows.filter((r) => r.status !== 'HELD')).toEqual([]);
    expect(code).toBe(0);
    const ids = new Set(result.rows.map((r) => r.id));
    for (const id of [
      'AIF-PROBE-0',
      'AIF-PSA-1',
      'AIF-QUOTA-1',
      'AIF-QUOTA-4',
      'AIF-QUOTA-7',
      'AIF-RBAC-3',
      'AIF-ADM-1',
      'AIF-ADM-2',
      'AIF-ADM-3',
      'AIF-ADM-4',
      'AIF-KUEUE-1',
    ]) {
      expect(ids).toContain(id);
    }
    // The retired tenant has no rights left to probe with.
    expect(new Set(result.rows.map((r) => r.tenant))).toEqual(
      new Set(['alpha', 'beta', 'delta', 'ended', 'gamma']),
    );
  });

  it('with --allow-writes, runs a real GPU job in the scratch tenant and sees Kueue admit it', () => {
    const { code, result } = probe('--allow-writes', 'beta', '--timeout', '60');
    expect(code).toBe(0);
    const job = result.rows.find((r) => r.id === 'AIF-KUEUE-3');
    expect(job).toMatchObject({ tenant: 'beta', status: 'HELD', detail: 'admitted: beta' });
  });

  it('fails when a tenant namespace is lowered to baseline Pod Security', () => {
    admin(['label', 'namespace', 'gamma', 'pod-security.kubernetes.io/enforce=baseline', '--overwrite']);
    try {
      const { code, result } = probe();
      expect(code).toBe(1);
      expect(result.rows.filter((r) => r.status === 'FAILED').map((r) => `${r.id} ${r.tenant}`)).toEqual([
        'AIF-PSA-1 gamma',
      ]);
    } finally {
      deploy(cluster(), options(['--date', E2E_DATE]));
    }
  });

  it('fails when a control is removed from the cluster, and holds again after the deploy restores it', () => {
    admin(['delete', 'validatingadmissionpolicybinding', 'aif-tenant-placement']);
    try {
      const { code, result } = probe();
      expect(code).toBe(1);
      const failed = result.rows.filter((r) => r.status === 'FAILED');
      expect(new Set(failed.map((r) => r.id))).toEqual(new Set(['AIF-ADM-4']));
      expect(failed[0].detail).toMatch(/accepted: the control did not refuse it/);
    } finally {
      deploy(cluster(), options(['--date', E2E_DATE]));
    }
    expect(probe().code).toBe(0);
  });
});
