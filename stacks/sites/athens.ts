import type { SiteProfile } from '../../lib';

/**
 * Pharos, the Greek AI Factory, GRNET, Athens. Sector focus: health, culture and language, and
 * sustainability.
 *
 * Modelled: DAEDALUS, an HPE system of more than 60 PF at Lavrio, in service in 2026. Its GPU model is
 * not published: everything about the pools below is assumed and marked so. NVIDIA GH200 96 GB with 4
 * per node (an HPE Cray EX design), HPE Slingshot-11, 46 nodes for Kubernetes, and two nodes shared
 * by time-slicing for Playground notebooks.
 */
export const profile: SiteProfile = {
  name: 'athens',
  displayName: 'Pharos AI Factory (GRNET, Athens)',
  kubernetes: { configPath: '~/.kube/config', context: 'pharos-aif' },
  gpuOperator: { driver: 'host' },
  nodePools: [
    {
      name: 'daedalus',
      accelerator: 'nvidia-gh200-96gb', // assumed: the GPU model is not published
      gpusPerNode: 4, // assumed
      nodes: { labels: { 'grnet.gr/partition': 'daedalus-k8s' }, count: 46 }, // assumed
      interconnect: { fabric: 'slingshot', generation: 'Slingshot-11', linksPerNode: 4, gbpsPerLink: 200 }, // assumed
      note: 'DAEDALUS (HPE, >60 PF, 2026): GPU model not published; GH200 x 4 per node assumed',
    },
    {
      name: 'daedalus-shared',
      accelerator: 'nvidia-gh200-96gb', // assumed, as above
      gpusPerNode: 4,
      nodes: { labels: { 'grnet.gr/partition': 'daedalus-shared' }, count: 2 }, // assumed
      // Notebooks of Playground users share GPUs; there is no isolation between sharers.
      timeSlicingReplicas: 4,
      // The Playground and schools tenants share these GPUs: notebooks on public data (assumed).
      timeSlicingSharedByTenants: true,
      overcommit: { factor: 1.5, reason: 'Playground notebooks sit idle most of the time' },
      note: 'Two DAEDALUS nodes time-sliced 4 ways for Playground notebooks (assumed)',
    },
  ],
  // DAEDALUS's storage is not published. Assumed: an existing Ceph cluster run by GRNET, reached
  // through ceph-csi, with RBD for scratch and CephFS for shared project data.
  storageTiers: [
    {
      name: 'scratch',
      purpose: 'scratch',
      capacity: '300Ti', // assumed
      reclaimPolicy: 'Delete',
      default: true,
      driver: {
        kind: 'ceph-rbd',
        clusterID: 'daedalus-ceph', // assumed
        pool: 'k8s-scratch', // assumed
        secrets: { namespace: 'ceph-csi', provisioner: 'csi-rbd-provisioner', node: 'csi-rbd-node' },
      },
      note: 'Ceph RBD scratch on an existing cluster (assumed)',
    },
    {
      name: 'projects',
      purpose: 'project',
      capacity: '1Pi', // assumed
      driver: {
        kind: 'cephfs',
        clusterID: 'daedalus-ceph', // assumed
        fsName: 'projects', // assumed
        secrets: { namespace: 'ceph-csi', provisioner: 'csi-cephfs-provisioner', node: 'csi-cephfs-node' },
      },
      accessModes: ['ReadWriteMany'],
      note: 'CephFS project storage on an existing cluster (assumed)',
    },
  ],
  // Kueue only (assumed): the scheduler of DAEDALUS is not published.
  schedulers: { kueue: {} },
  tenants: [
    {
      name: 'health',
      displayName: 'Health: clinical language and imaging models',
      accessMode: 'ai-for-science',
      sector: 'health',
      allocation: { projectId: 'EHPC-AIF-2026SC05-0501', start: '2026-10-01', end: '2027-03-31' },
      gpus: [{ pool: 'daedalus', count: 64 }],
      groups: { admins: ['pharos:health-admins'], members: ['pharos:health-users'] },
      storage: [
        { tier: 'scratch', capacity: '100Ti' },
        { tier: 'projects', capacity: '300Ti' },
      ],
      volumes: [{ name: 'clinical-corpora', tier: 'projects', size: '50Ti' }],
    },
    {
      name: 'greek-language',
      displayName: 'Culture and language: Greek language models',
      accessMode: 'large-scale',
      sector: 'culture-language',
      allocation: { projectId: 'EHPC-AIF-2026LS07-0502', start: '2026-11-02', end: '2027-11-01' },
      // 500,000 GPU-hours over 365 days: 57.1 GPUs, so 57.
      gpus: [{ pool: 'daedalus', gpuHours: 500_000 }],
      groups: { admins: ['pharos:greek-language-admins'], members: ['pharos:greek-language-users'] },
      storage: [
        { tier: 'scratch', capacity: '80Ti' },
        { tier: 'projects', capacity: '200Ti' },
      ],
    },
    {
      name: 'sustainability',
      displayName: 'Sustainability: climate-risk models of a start-up',
      accessMode: 'fast-lane',
      sector: 'sustainability',
      allocation: { projectId: 'EHPC-AIF-2026FL09-0503', start: '2026-12-07', end: '2027-03-06' },
      gpus: [{ pool: 'daedalus', gpuHours: 25_000 }],
      groups: { admins: ['pharos:sustainability-admins'] },
      storage: [{ tier: 'projects', capacity: '40Ti' }],
    },
    {
      name: 'culture-playground',
      displayName: 'Culture: entry-level notebooks',
      accessMode: 'playground',
      sector: 'culture-language',
      allocation: { projectId: 'EHPC-AIF-2026PG10-0504', start: '2026-11-01', end: '2026-12-31' },
      // 24 replicas of time-sliced GPUs: 6 GPU-equivalents.
      gpus: [{ pool: 'daedalus-shared', count: 24 }],
      groups: { admins: ['pharos:culture-playground-admins'] },
      storage: [{ tier: 'scratch', capacity: '2Ti', claims: 20 }],
    },
    {
      name: 'schools',
      displayName: 'Schools and universities: teaching notebooks (open-ended)',
      accessMode: 'internal',
      sector: 'education',
      gpus: [{ pool: 'daedalus-shared', count: 20 }],
      groups: { admins: ['pharos:schools-admins'], members: ['pharos:schools-teachers'] },
      storage: [{ tier: 'projects', capacity: '10Ti', claims: 100 }],
    },
  ],
};
