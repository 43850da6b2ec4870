import { profileProblems } from '../../lib/cli/profiles';
import {
  AiFactorySite,
  ClusterNetwork,
  Kueue,
  validateSite,
  ValidationError,
  type SiteProfile,
} from '../../lib';
import { profile as athens } from '../../stacks/sites/athens';
import { profile as barcelona } from '../../stacks/sites/barcelona';
import { profile as bissen } from '../../stacks/sites/bissen';
import { profile as bologna } from '../../stacks/sites/bologna';
import { profile as kajaani } from '../../stacks/sites/kajaani';
import { profile as linkoping } from '../../stacks/sites/linkoping';
import { profile as stuttgart } from '../../stacks/sites/stuttgart';
import { resources, sampleProfile, synth, testApp, testStack, type TfJson } from '../helpers';

/** A policy as a line a reader can check: `<name> <types> <rules>`. */
function describePolicy(p: TfJson): string {
  const peer = (x: TfJson) =>
    x.ip_block
      ? (x.ip_block[0]?.cidr ?? x.ip_block.cidr)
      : x.namespace_selector && x.pod_selector
        ? `ns:${x.namespace_selector.match_labels['kubernetes.io/metadata.name']}/pods:${Object.values(x.pod_selector.match_labels)[0]}`
        : x.namespace_selector
          ? `ns:${x.namespace_selector.match_labels?.['kubernetes.io/metadata.name'] ?? '*'}`
          : 'same-namespace';
  const ports = (r: TfJson) =>
    (r.ports ?? [])
      .map((x: TfJson) => `${x.protocol}/${x.port}${x.end_port ? `-${x.end_port}` : ''}`)
      .join(',') || 'all-ports';
  const rules = (dir: 'ingress' | 'egress') =>
    (p.spec[dir] ?? []).map(
      (r: TfJson) =>
        `${dir} ${((dir === 'ingress' ? r.from : r.to) ?? []).map(peer).join(',') || 'anywhere'} ${ports(r)}`,
    );
  expect(p.spec.pod_selector).toEqual({});
  return [p.metadata.name, p.spec.policy_types.join('+'), ...rules('ingress'), ...rules('egress')].join(
    ' | ',
  );
}

/** Every operator namespace's policies, by namespace name. */
function policiesByNamespace(json: TfJson): Record<string, string[]> {
  const namespaces = Object.fromEntries(
    Object.entries(resources(json, 'kubernetes_namespace_v1')).map(([id, ns]) => [
      `\${kubernetes_namespace_v1.${id}.metadata[0].name}`,
      ns.metadata.name as string,
    ]),
  );
  const out: Record<string, string[]> = {};
  for (const p of Object.values(resources(json, 'kubernetes_network_policy_v1'))) {
    const ns = namespaces[p.metadata.namespace];
    expect(ns).toBeDefined(); // by reference, so Terraform creates the namespace first
    (out[ns] ??= []).push(describePolicy(p));
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

const API = '10.0.0.10/32';
const kitchenSink: SiteProfile = sampleProfile({
  nodePools: [
    ...sampleProfile().nodePools,
    { name: 'mi250x', accelerator: 'amd-mi250x', gpusPerNode: 8, nodes: { hostlist: 'amd[01-02]' } },
  ],
  schedulers: {
    kueue: {},
    slurm: {
      nodes: { a100: 2 },
      accounting: { host: '10.1.2.3', passwordSecret: { name: 'slurmdbd-db' } },
      login: { sssdConfSecret: { name: 'sssd' } },
    },
  },
  storageTiers: [
    {
      name: 'home',
      purpose: 'home',
      capacity: '10Ti',
      driver: { kind: 'nfs', server: 'nfs01.example.org', share: '/export/home' },
    },
    { name: 'block', purpose: 'block', capacity: '10Ti', driver: { kind: 'rook-ceph-rbd' } },
    {
      name: 'local',
      purpose: 'node-local',
      capacity: '10Ti',
      reclaimPolicy: 'Delete',
      driver: { kind: 'topolvm', deviceClass: 'nvme', volumeGroup: 'vg-nvme' },
    },
  ],
  network: { apiServerCidrs: [API], apiServerPorts: [6443], slurmLoginCidrs: ['192.0.2.0/24'] },
});

const BASE = [
  `aif-allow-api-server | Egress | egress ${API} TCP/6443`,
  'aif-allow-cluster-dns | Egress | egress ns:kube-system/pods:kube-dns UDP/53,TCP/53',
  'aif-default-deny | Ingress+Egress',
];
const webhooks = (port: number) => `aif-allow-webhooks | Ingress | ingress ${API} TCP/${port}`;
const SAME =
  'aif-allow-same-namespace | Ingress+Egress | ingress same-namespace all-ports | egress same-namespace all-ports';

describe('operator namespaces: default-deny and exactly the flows they need', () => {
  const app = testApp();
  const site = new AiFactorySite(app, kitchenSink);
  const byNs = policiesByNamespace(synth(site.platform));

  it('gives every operator namespace of the site its policies, and each the documented flows only', () => {
    expect(byNs).toEqual({
      'cert-manager': [...BASE, webhooks(10250)].sort(),
      'csi-nfs': BASE,
      'gpu-operator': BASE,
      'kube-amd-gpu': [...BASE, webhooks(9443)].sort(),
      'kueue-system': [...BASE, webhooks(9443)].sort(),
      'rook-ceph': [
        ...BASE,
        SAME,
        'aif-allow-ceph-clients | Ingress | ingress anywhere TCP/3300,TCP/6789,TCP/6800-7300',
      ].sort(),
      slinky: [...BASE, webhooks(9443), 'aif-allow-slurmrestd | Egress | egress ns:* TCP/6820'].sort(),
      slurm: [
        ...BASE,
        SAME,
        'aif-allow-slurmrestd | Ingress | ingress ns:slinky TCP/6820',
        'aif-allow-login-ssh | Ingress | ingress 192.0.2.0/24 TCP/22',
        'aif-allow-accounting-database | Egress | egress 10.1.2.3/32 TCP/3306',
      ].sort(),
      'topolvm-system': [...BASE, webhooks(9443)].sort(),
    });
  });

  it('has no operator namespace without its policies', () => {
    const names = Object.values(resources(synth(site.platform), 'kubernetes_namespace_v1')).map(
      (n) => n.metadata.name,
    );
    expect(Object.keys(byNs).sort()).toEqual([...names].sort());
  });
});

const SITES: Record<string, SiteProfile> = {
  athens,
  barcelona,
  bissen,
  bologna,
  kajaani,
  linkoping,
  stuttgart,
};

describe('operator namespaces of the shipped sites', () => {
  it.each(Object.keys(SITES).sort())(
    '%s: every namespace denies by default and reaches DNS and the API server',
    (name) => {
      const app = testApp();
      const site = new AiFactorySite(app, SITES[name]);
      const byNs = policiesByNamespace(synth(site.platform));
      const names = Object.values(resources(synth(site.platform), 'kubernetes_namespace_v1')).map(
        (n) => n.metadata.name,
      );
      expect(Object.keys(byNs).sort()).toEqual([...names].sort());
      // Without network.apiServerCidrs: the API server's ports at any address, webhooks from
      // anywhere; a Slurm site must name them (SLURM_ADDRESSES_REQUIRED).
      const api = SITES[name].network?.apiServerCidrs?.join(',') ?? 'anywhere';
      expect(api === 'anywhere').toBe(!SITES[name].schedulers?.slurm);
      for (const [ns, policies] of Object.entries(byNs)) {
        expect([ns, policies]).toEqual([
          ns,
          expect.arrayContaining([
            'aif-default-deny | Ingress+Egress',
            'aif-allow-cluster-dns | Egress | egress ns:kube-system/pods:kube-dns UDP/53,TCP/53',
            `aif-allow-api-server | Egress | egress ${api} TCP/443,TCP/6443`,
          ]),
        ]);
        for (const p of policies.filter((x) => x.startsWith('aif-allow-webhooks')))
          expect(p).toMatch(new RegExp(`^aif-allow-webhooks \\| Ingress \\| ingress ${api} TCP/\\d+$`));
      }
    },
  );

  it('lets Slurm reach the database at the addresses its profile gives, and SSH from anywhere without slurmLoginCidrs', () => {
    const app = testApp();
    const site = new AiFactorySite(app, SITES.bologna);
    const slurm = policiesByNamespace(synth(site.platform)).slurm;
    expect(slurm).toEqual(
      expect.arrayContaining([
        'aif-allow-accounting-database | Egress | egress 10.40.0.30/32 TCP/3306',
        'aif-allow-login-ssh | Ingress | ingress anywhere TCP/22',
      ]),
    );
  });

  it('refuses a Slurm site that does not name its API server or its database (issue 16, finding 12)', () => {
    const bologna = SITES.bologna;
    const slurm = bologna.schedulers!.slurm!;
    const lines = profileProblems([
      {
        ...bologna,
        network: undefined,
        schedulers: {
          ...bologna.schedulers,
          slurm: { ...slurm, accounting: { ...slurm.accounting!, cidrs: undefined } },
        },
      },
    ]);
    expect(lines.map((l) => l.slice(0, l.indexOf(':', l.indexOf(']'))))).toEqual([
      'bologna: [SLURM_ADDRESSES_REQUIRED] network.apiServerCidrs',
      'bologna: [SLURM_ADDRESSES_REQUIRED] schedulers.slurm.accounting.cidrs',
    ]);
    // Blocks that name far more than a database are refused as for a tenant's egress.
    expect(
      profileProblems([
        {
          ...bologna,
          schedulers: {
            ...bologna.schedulers,
            slurm: { ...slurm, accounting: { ...slurm.accounting!, cidrs: ['0.0.0.0/1'] } },
          },
        },
      ]).map((l) => l.slice(0, l.indexOf(':', l.indexOf(']')))),
    ).toEqual(['bologna: [CIDR_INVALID] schedulers.slurm.accounting.cidrs[0]']);
    // A database given by its address needs no cidrs.
    expect(
      profileProblems([
        {
          ...bologna,
          schedulers: {
            ...bologna.schedulers,
            slurm: { ...slurm, accounting: { ...slurm.accounting!, host: '10.40.0.30', cidrs: undefined } },
          },
        },
      ]),
    ).toEqual([]);
  });
});

describe('ClusterNetwork', () => {
  it('is found by an operator in its own stack, and without one the API server is open on its ports only', () => {
    const withNet = testStack('with');
    new ClusterNetwork(withNet, 'net', { apiServerCidrs: ['10.9.9.9/32'] });
    new Kueue(withNet, 'kueue');
    expect(policiesByNamespace(synth(withNet))['kueue-system']).toContain(
      'aif-allow-api-server | Egress | egress 10.9.9.9/32 TCP/443,TCP/6443',
    );
    const without = testStack('without');
    new Kueue(without, 'kueue');
    expect(policiesByNamespace(synth(without))['kueue-system']).toContain(
      'aif-allow-api-server | Egress | egress anywhere TCP/443,TCP/6443',
    );
  });
});

describe('profile.network validation', () => {
  const codes = (network: unknown) => {
    try {
      validateSite(sampleProfile({ network } as Partial<SiteProfile>));
      return [];
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      return (e as ValidationError).issues.map((i) => `${i.code} ${i.path}`);
    }
  };

  it('refuses blocks that are not CIDRs or that are every address, ports that are not ports, and no port at all', () => {
    expect(codes({ apiServerCidrs: ['10.0.0.10'], slurmLoginCidrs: ['0.0.0.0/0'] })).toEqual([
      'CIDR_INVALID network.apiServerCidrs[0]',
      'CIDR_INVALID network.slurmLoginCidrs[0]',
    ]);
    expect(codes({ apiServerPorts: [0, 6443, 70000] })).toEqual([
      'VALUE_INVALID network.apiServerPorts[0]',
      'VALUE_INVALID network.apiServerPorts[2]',
    ]);
    expect(codes({ apiServerPorts: [] })).toEqual(['VALUE_INVALID network.apiServerPorts']);
    expect(codes({ apiServerCidrs: '10.0.0.10/32' })).toEqual(['VALUE_INVALID network.apiServerCidrs']);
    expect(codes({ apiServerCidr: ['10.0.0.10/32'] })).toEqual([
      expect.stringMatching(/ network\.apiServerCidr$/),
    ]);
    expect(codes({ apiServerCidrs: ['10.0.0.10/32', 'fd00::1/128'], apiServerPorts: [443] })).toEqual([]);
  });
});
