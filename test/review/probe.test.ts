import { planProbe, planProbeJob } from '../../lib/review/probe';
import { aif } from '../helpers';
import { profile as bologna } from '../../stacks/sites/bologna';
import { profile as kajaani } from '../../stacks/sites/kajaani';
import { synthesizedSite } from '../site-output';

// What `aif probe` asks a live cluster (lib/review/probe.ts); the e2e suite sends these to a real
// API server (e2e/scenarios/lab/40-probe.e2e.ts). Here: which tenants, as whom, asking what.

describe('planProbe', () => {
  const stacks = synthesizedSite(kajaani);
  const [target] = planProbe(stacks);

  it("connects as the site's deploy does: its kubeconfig and context", () => {
    expect(target).toMatchObject({ site: 'kajaani', configPath: '~/.kube/config', context: 'lumi-aif' });
  });

  it('probes every tenant with rights, as a member of its own groups', () => {
    const tenants = [...new Set(target.cases.map((c) => c.tenant))].sort();
    expect(tenants).toEqual(['industry-pilot', 'nordic-llm', 'playground', 'startup-trials']);
    const nordic = target.cases.find((c) => c.tenant === 'nordic-llm' && c.id === 'AIF-PSA-1');
    expect(nordic?.as).toEqual({
      user: 'aif-probe@nordic-llm',
      groups: ['lumi-aif:nordic-llm-admins', 'lumi-aif:nordic-llm-users'],
    });
  });

  it('pairs every attack with a request the tenant may make, so a probe without rights cannot pass', () => {
    for (const tenant of ['nordic-llm', 'playground']) {
      const cases = target.cases.filter((c) => c.tenant === tenant);
      expect(cases.filter((c) => c.expect === 'allowed').map((c) => c.id)).toEqual(['AIF-PROBE-0']);
      // Each refusal must come from its own control, not from any error.
      for (const c of cases.filter((x) => x.expect === 'refused' && x.request.kind !== 'can-i')) {
        expect(c.because).toBeInstanceOf(RegExp);
      }
      expect(cases.map((c) => c.id).sort()).toEqual(
        [
          'AIF-ADM-1',
          'AIF-ADM-2',
          'AIF-ADM-3',
          'AIF-ADM-4',
          'AIF-KUEUE-1',
          'AIF-PROBE-0',
          'AIF-PSA-1',
          'AIF-QUOTA-1',
          'AIF-QUOTA-4',
          'AIF-QUOTA-7',
          'AIF-RBAC-3',
        ].sort(),
      );
    }
  });

  it("asks one unit past the tenant's largest GPU quota, and selects a real pool's nodes", () => {
    const quota = target.cases.find((c) => c.tenant === 'nordic-llm' && c.id === 'AIF-QUOTA-1');
    // 512: the grant of 256 and what it may borrow in the cohort.
    expect(quota?.control).toBe('the quota refuses amd.com/gpu beyond the namespace quota (512)');
    const pod = quota?.request.kind === 'create' ? quota.request.object : undefined;
    expect(pod?.spec.containers[0].resources.limits['amd.com/gpu']).toBe('513');
    const placement = target.cases.find((c) => c.id === 'AIF-ADM-4');
    const job = placement?.request.kind === 'create' ? placement.request.object : undefined;
    expect(job?.spec.template.spec.nodeSelector).toEqual({
      'node-restriction.kubernetes.io/ai-factory.eu-pool': 'lumi-g',
    });
  });

  it("selects a GPU pool's nodes, not a CPU pool's, which tenants may select (found by the e2e suite)", () => {
    const withCpu = synthesizedSite({
      ...kajaani,
      cpuPools: [{ name: 'cpu', nodes: { hostlist: 'c[01-02]' }, coresPerNode: 128, memoryPerNode: '512Gi' }],
    });
    const placement = planProbe(withCpu)[0].cases.find((c) => c.id === 'AIF-ADM-4');
    const job = placement?.request.kind === 'create' ? placement.request.object : undefined;
    expect(job?.spec.template.spec.nodeSelector).toEqual({
      'node-restriction.kubernetes.io/ai-factory.eu-pool': 'lumi-g',
    });
  });

  it('takes MTB ids from the aif check table and probes one site when asked', () => {
    expect(target.cases.find((c) => c.id === 'AIF-RBAC-3')?.mtb).toEqual([
      'MTB-PL1-CC-TI-1',
      'MTB-PL1-BC-CPI-2',
    ]);
    const both = [...stacks, ...synthesizedSite(bologna)];
    expect(planProbe(both).map((t) => t.site)).toEqual(['bologna', 'kajaani']); // by site name, as aif check lists them
    expect(planProbe(both, 'bologna').map((t) => t.site)).toEqual(['bologna']);
  });
});

describe('planProbeJob (aif probe --allow-writes)', () => {
  const stacks = synthesizedSite(kajaani);
  const [target] = planProbe(stacks);

  it("submits one unit of the scratch tenant's largest GPU resource through its default queue", () => {
    const p = planProbeJob(target, stacks, 'playground');
    if (typeof p === 'string') throw new Error(p);
    expect(p.as.groups).toEqual(['lumi-aif:playground-admins', 'lumi-aif:playground-users']);
    const job = p.job('aif-probe-x');
    expect(job.metadata).toEqual({
      name: 'aif-probe-x',
      namespace: 'playground',
      labels: { 'kueue.x-k8s.io/queue-name': 'default' },
    });
    expect(job.spec.template.spec.containers[0].resources.limits['amd.com/gpu']).toBe('1');
  });

  it('refuses a scratch tenant that holds no GPUs or does not exist, before anything is written', () => {
    // Synthesized after industry-pilot's allocation ended (2026-09-30): its GPU quota is zero.
    const date = process.env.AIF_DATE;
    process.env.AIF_DATE = '2026-12-01';
    let later;
    try {
      later = synthesizedSite(kajaani);
    } finally {
      process.env.AIF_DATE = date;
    }
    expect(planProbeJob(planProbe(later)[0], later, 'industry-pilot')).toBe(
      "tenant 'industry-pilot' holds no GPUs at kajaani: name a scratch tenant with a grant",
    );
    expect(planProbeJob(target, stacks, 'nobody')).toBe("no tenant 'nobody' with rights at kajaani");
  });
});

describe('aif probe (command line)', () => {
  it('says where the synthesized output is missing (exit 1), before it asks any cluster', async () => {
    const r = await aif('probe', '--out', '/nonexistent/aif-out');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'aif probe: no synthesized stacks in /nonexistent/aif-out/stacks; synthesize first (aif synth) or give --out <dir>\n',
    );
  });
});
