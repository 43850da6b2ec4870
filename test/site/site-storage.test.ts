import { AiFactorySite } from '../../lib/site/site';
import type { SiteProfile } from '../../lib/model';
import { profile as bologna } from '../../stacks/sites/bologna';
import { profile as kajaani } from '../../stacks/sites/kajaani';
import { resources, sampleProfile, synth, testApp, type TfJson } from '../helpers';

function build(profile: SiteProfile): { site: AiFactorySite; platform: TfJson; tenants: TfJson } {
  const site = new AiFactorySite(testApp(), profile);
  return { site, platform: synth(site.platform), tenants: synth(site.tenantsStack) };
}

function quota(json: TfJson, tenant: string): Record<string, string> {
  return resources(json, 'kubernetes_resource_quota_v1')[`tenant_${tenant}_quota`].spec.hard;
}

function classSummary(json: TfJson): Record<string, string> {
  return Object.fromEntries(
    Object.values(resources(json, 'kubernetes_storage_class_v1')).map((c) => [
      c.metadata.name,
      `${c.storage_provisioner} ${c.reclaim_policy} default=${c.metadata.annotations['storageclass.kubernetes.io/is-default-class']}`,
    ]),
  );
}

describe('site storage', () => {
  const b = build(bologna);
  const k = build(kajaani);

  it('gives Bologna Lustre (DDN EXAScaler) scratch, work and fast classes, one of them default', () => {
    expect(classSummary(b.platform)).toEqual({
      fast: 'exa.csi.ddn.com Retain default=false',
      scratch: 'exa.csi.ddn.com Delete default=true',
      work: 'exa.csi.ddn.com Retain default=false',
    });
    // Drivers installed by the site: no CSI driver release (cert-manager is there for Slinky).
    const charts = Object.values(resources(b.platform, 'helm_release')).map((r) => r.chart);
    expect(charts).not.toEqual(expect.arrayContaining(['csi-driver-nfs']));
    expect(
      charts.filter((c) => ['csi-driver-nfs', 'rook-ceph', 'rook-ceph-cluster', 'topolvm'].includes(c)),
    ).toEqual([]);
    expect(b.site.slurmStateTier?.className).toBe('work');
  });

  it('gives Kajaani LUMI-P scratch and project and LUMI-F flash classes through the custom provisioner', () => {
    expect(classSummary(k.platform)).toEqual({
      flash: 'lustre.csi.lumi.csc.fi Delete default=false',
      project: 'lustre.csi.lumi.csc.fi Retain default=false',
      scratch: 'lustre.csi.lumi.csc.fi Delete default=true',
    });
    // Kajaani runs no Slurm on Kubernetes, so it names no state tier.
    expect(k.site.slurmStateTier).toBeUndefined();
  });

  it('quotas every tenant per tier, zero on tiers it may not use', () => {
    expect(quota(b.tenants, 'cybersecurity')).toMatchObject({
      'scratch.storageclass.storage.k8s.io/requests.storage': '256Ti',
      'work.storageclass.storage.k8s.io/requests.storage': '512Ti',
      'fast.storageclass.storage.k8s.io/requests.storage': '0',
      'fast.storageclass.storage.k8s.io/persistentvolumeclaims': '0',
    });
    expect(quota(k.tenants, 'playground')).toMatchObject({
      'scratch.storageclass.storage.k8s.io/requests.storage': '16Ti',
      'scratch.storageclass.storage.k8s.io/persistentvolumeclaims': '10',
      'project.storageclass.storage.k8s.io/requests.storage': '0',
      'flash.storageclass.storage.k8s.io/requests.storage': '0',
    });
  });

  it('creates the shared volumes with prevent_destroy in the tenants stack', () => {
    const pvcs = resources(b.tenants, 'kubernetes_persistent_volume_claim_v1');
    expect(
      Object.entries(pvcs)
        .map(
          ([k2, v]) =>
            `${k2} ${v.spec.storage_class_name} ${v.spec.resources.requests.storage} ${v.lifecycle.prevent_destroy}`,
        )
        .sort(),
    ).toEqual([
      'tenant_agrifood_volume_crop-datasets work 200Ti true',
      'tenant_earth-climate_volume_checkpoints fast 128Ti true',
      'tenant_earth-climate_volume_era5 work 400Ti true',
      'tenant_manufacturing_volume_checkpoints fast 64Ti true',
    ]);
    expect(resources(b.platform, 'kubernetes_persistent_volume_claim_v1')).toEqual({});
  });

  it('shares nothing between the stacks but plain data', () => {
    // cdktf would add cross-stack outputs and remote state for a reference into the platform stack.
    const own = /^aif_site_inventory$|^aif_charts$|^pool_.+_site_applied_node_config$/;
    expect(Object.keys(b.platform.output ?? {}).filter((k) => !own.test(k))).toEqual([]);
    expect(Object.keys(b.tenants.output ?? {}).filter((k) => !own.test(k))).toEqual([]);
    for (const json of [b.platform, b.tenants]) expect(json.data?.terraform_remote_state).toBeUndefined();
  });

  it('creates cert-manager once when both the AMD operator and TopoLVM need it', () => {
    const withLocal: SiteProfile = {
      ...kajaani,
      storageTiers: [
        ...(kajaani.storageTiers ?? []),
        {
          name: 'local-nvme',
          purpose: 'node-local',
          capacity: '100Ti',
          reclaimPolicy: 'Delete',
          driver: { kind: 'topolvm', deviceClass: 'nvme', volumeGroup: 'vg-nvme' },
        },
      ],
    };
    const { site, platform } = build(withLocal);
    const charts = Object.values(resources(platform, 'helm_release')).map((r) => r.chart);
    expect(charts.filter((c) => c === 'cert-manager')).toHaveLength(1);
    expect(charts).toContain('topolvm');
    expect(site.certManager).toBeDefined();
    const topolvm = Object.values(resources(platform, 'helm_release')).find(
      (r) => r.chart === 'topolvm',
    ) as TfJson;
    const values = JSON.parse(topolvm.values[0]);
    // The LUMI-G pool's taint and label selector place lvmd on the GPU nodes.
    expect(values.node.tolerations).toEqual([
      { key: 'amd.com/gpu', operator: 'Equal', value: 'present', effect: 'NoSchedule' },
    ]);
    expect(
      values.lvmd.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms,
    ).toEqual([
      {
        matchExpressions: [
          { key: 'node-restriction.kubernetes.io/ai-factory.eu-pool', operator: 'In', values: ['lumi-g'] },
        ],
      },
    ]);
  });

  it('changes no byte of output when tiers, grants and volumes are reordered', () => {
    const reordered: SiteProfile = {
      ...bologna,
      storageTiers: [...(bologna.storageTiers ?? [])].reverse(),
      tenants: [...bologna.tenants].reverse().map((t) => ({
        ...t,
        storage: [...(t.storage ?? [])].reverse(),
        volumes: [...(t.volumes ?? [])].reverse(),
      })),
    };
    const r = build(reordered);
    expect(JSON.stringify(r.platform)).toBe(JSON.stringify(b.platform));
    expect(JSON.stringify(r.tenants)).toBe(JSON.stringify(b.tenants));
  });

  it('creates cert-manager once, and only where a component needs it', () => {
    expect(b.site.certManager).toBeDefined(); // the Slinky operator's webhooks
    expect(k.site.certManager).toBeDefined(); // the AMD GPU operator's webhooks
    for (const json of [b.platform, k.platform]) {
      expect(
        Object.values(resources(json, 'helm_release')).filter((r) => r.chart === 'cert-manager'),
      ).toHaveLength(1);
    }
    const plain = new AiFactorySite(testApp(), sampleProfile());
    expect(plain.certManager).toBeUndefined(); // NVIDIA only, no Slurm, no TopoLVM
  });
});
