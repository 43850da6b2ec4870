import type { SiteProfile } from '../../lib';

/**
 * LUMI AI Factory, CSC, Kajaani (with Czechia, Denmark, Estonia, Norway and Poland). No sector
 * focus is published; the factory runs general AI trials and development.
 *
 * Modelled: a Kubernetes partition of LUMI-G. LUMI-G has 2,978 nodes, each with 4 AMD MI250X
 * modules of 2 GCDs, which the device plugin advertises as 8 `amd.com/gpu`, and 4 HPE Slingshot-11
 * links of 200 Gb/s (https://docs.lumi-supercomputer.eu/hardware/lumig/). The partition size (64
 * nodes) and the label the site puts on those nodes are assumed.
 */
export const profile: SiteProfile = {
  name: 'kajaani',
  displayName: 'LUMI AI Factory (CSC, Kajaani)',
  kubernetes: { configPath: '~/.kube/config', context: 'lumi-aif' },
  gpuOperator: { driver: 'host' },
  nodePools: [
    {
      name: 'lumi-g',
      accelerator: 'amd-mi250x',
      gpusPerNode: 8,
      // assumed: the site labels (and taints) 64 LUMI-G nodes for Kubernetes itself.
      nodes: { labels: { 'lumi.csc.fi/partition': 'lumi-g-k8s' }, count: 64 },
      interconnect: { fabric: 'slingshot', generation: 'Slingshot-11', linksPerNode: 4, gbpsPerLink: 200 },
      note: 'LUMI-G: 4 x MI250X (8 GCDs) per node; 64 nodes assumed for Kubernetes',
    },
  ],
  // Kueue only: LUMI's Slurm users stay on LUMI-G's own Slurm outside Kubernetes.
  schedulers: { kueue: {} },
  // Allocations are illustrative (assumed); 448 of 512 GCDs.
  tenants: [
    {
      name: 'nordic-llm',
      displayName: 'Nordic and Baltic language models',
      accessMode: 'ai-for-science',
      sector: 'language',
      gpus: [{ pool: 'lumi-g', count: 256 }],
      groups: { admins: ['lumi-aif:nordic-llm-admins'], members: ['lumi-aif:nordic-llm-users'] },
    },
    {
      name: 'startup-trials',
      displayName: 'Start-up AI trials',
      accessMode: 'fast-lane',
      gpus: [{ pool: 'lumi-g', count: 96 }],
      groups: { admins: ['lumi-aif:startup-trials-admins'], members: ['lumi-aif:startup-trials-users'] },
    },
    {
      name: 'industry-pilot',
      displayName: 'Industrial AI pilots',
      accessMode: 'large-scale',
      sector: 'industry',
      gpus: [{ pool: 'lumi-g', count: 80 }],
      groups: { admins: ['lumi-aif:industry-pilot-admins'] },
    },
    {
      name: 'playground',
      displayName: 'Playground for entry-level tests',
      accessMode: 'playground',
      gpus: [{ pool: 'lumi-g', count: 16 }],
      groups: { admins: ['lumi-aif:playground-admins'], members: ['lumi-aif:playground-users'] },
    },
  ],
};
