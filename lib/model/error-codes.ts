/**
 * What each error code means and how to fix it, in one table: docs/errors.md is generated from it
 * (test/docs/errors.test.ts), and a test fails when a code emitted anywhere in lib/ is missing here.
 * Not part of the public API: the codes themselves are, through `IssueCode`.
 */
import type { IssueCode } from './errors';

export interface CodeDoc {
  /** What went wrong, in one line. */
  readonly meaning: string;
  /** How to fix it, in one line. */
  readonly fix: string;
}

/** Codes of profile and construct validation (`IssueCode`): the compiler demands every one. */
export const ISSUE_CODE_DOCS: Readonly<Record<IssueCode, CodeDoc>> = {
  NAME_INVALID: {
    meaning: 'A name (site, pool, tenant, tier, volume ...) is not a Kubernetes DNS label.',
    fix: "Use lower-case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.",
  },
  NAME_DUPLICATE: {
    meaning: 'Two items of one list (or two constructs that would take one Terraform address) share a name.',
    fix: 'Give every item its own name.',
  },
  COUNT_NOT_POSITIVE: {
    meaning: 'A count (nodes, GPUs per node, replicas, claims ...) is not a whole number greater than zero.',
    fix: 'Set it to 1 or more.',
  },
  ACCELERATOR_UNKNOWN: {
    meaning: "A pool's `accelerator` is not in the accelerator catalog.",
    fix: 'Use one of the catalog ids listed in the message (see docs/profile.md), or add the model to the catalog.',
  },
  NODE_SELECTION_INVALID: {
    meaning: 'A pool selects its nodes by both labels and a hostlist, or by neither.',
    fix: "Set `nodes` to `{ labels: {...}, count: N }` or to `{ hostlist: 'lrdn[0001-0128]' }`.",
  },
  HOSTLIST_INVALID: {
    meaning: 'A hostlist does not parse, or expands to names that are not DNS names.',
    fix: 'Write the node names as `kubectl get nodes` shows them, in Slurm hostlist syntax.',
  },
  NODE_IN_TWO_POOLS: {
    meaning: 'A listed node belongs to two pools; a node has one taint list, owned by one pool.',
    fix: 'List each node in one pool only.',
  },
  LABEL_INVALID: {
    meaning: 'A node label key or value is not a valid Kubernetes label.',
    fix: 'Use a key like `example.org/partition` and a value of at most 63 letters, digits, `-`, `_` or `.`.',
  },
  TAINT_INVALID: {
    meaning: 'A taint key or value is not a valid label key or value, or its effect is unknown.',
    fix: 'Use e.g. `{ key: "nvidia.com/gpu", value: "present", effect: "NoSchedule" }`.',
  },
  MIG_UNSUPPORTED: {
    meaning: 'A pool sets `mig` on an accelerator that has no MIG profiles in the catalog.',
    fix: 'Remove `mig`, or use an accelerator with MIG (e.g. nvidia-a100-80gb, nvidia-h100-80gb).',
  },
  MIG_PROFILE_UNKNOWN: {
    meaning: "A MIG layout names a profile the pool's accelerator does not have.",
    fix: 'Use one of the profiles listed in the message.',
  },
  MIG_INSTANCES_EXCEEDED: {
    meaning: 'A MIG layout asks for more instances of a profile than one GPU holds.',
    fix: 'Lower the count to the maximum named in the message.',
  },
  MIG_LAYOUT_OVERFLOW: {
    meaning: "A MIG layout takes more than a GPU's 7 compute or 8 memory slices.",
    fix: 'Remove or shrink profiles until compute slices add up to at most 7 and memory slices to at most 8.',
  },
  TIME_SLICING_UNSUPPORTED: {
    meaning: 'A pool sets `timeSlicingReplicas` on an accelerator whose device plugin cannot time-slice it.',
    fix: 'Remove `timeSlicingReplicas` (time-slicing is NVIDIA only).',
  },
  TENANT_GPU_UNAVAILABLE: {
    meaning: 'A tenant grant names a pool the site does not have, or a MIG profile the pool does not offer.',
    fix: "Use one of the site's pools (and MIG profiles) named in the message.",
  },
  POOL_OVERCOMMITTED: {
    meaning:
      "The tenants' grants on a pool add up to more than the pool holds (times its over-commit factor).",
    fix: "Lower the tenants' grants by the amount in the message, add nodes, or state `overcommit: { factor, reason }`.",
  },
  QUANTITY_INVALID: {
    meaning: 'A size or resource amount is not a Kubernetes quantity.',
    fix: "Write it like '64', '1500m', '512Gi' or '2Ti'.",
  },
  GROUPS_MISSING: {
    meaning: 'A tenant has no admin groups, or its groups are not a list of group names.',
    fix: "Write `groups: { admins: ['idp:group-name'] }`.",
  },
  CIDR_INVALID: {
    meaning:
      "An egress CIDR is malformed, or opens too much: wider than an IPv4 /16 or an IPv6 /48 (the internet in halves, a whole private range with the cluster's own networks), or link-local (metadata services).",
    fix: "Write a CIDR block like '10.20.0.0/16' or '2001:db8::/48' that names the networks needed.",
  },
  CONNECTION_INVALID: {
    meaning: 'The profile names no kubeconfig path or context, so a deploy would use whatever is current.',
    fix: "Set `kubernetes.configPath` (e.g. '~/.kube/config') and `kubernetes.context`.",
  },
  VALUE_INVALID: {
    meaning:
      'A value has the wrong shape or is outside its allowed set (e.g. an empty MIG layout, an unknown enum).',
    fix: 'Follow the message: it names the allowed values.',
  },
  RBAC_RULE_FORBIDDEN: {
    meaning:
      'An additional tenant role rule grants cluster-scoped, RBAC, quota, policy, escalate/bind/impersonate or wildcard rights.',
    fix: 'Grant only namespaced workload rights; quotas, limits, network policies and RBAC stay with the platform.',
  },
  TIME_SLICING_SHARED: {
    meaning: 'Several tenants would share a time-sliced pool, whose GPUs isolate neither memory nor faults.',
    fix: 'Give each tenant its own time-sliced pool, or set `timeSlicingSharedByTenants: true` on the pool.',
  },
  GRANT_AMOUNT_INVALID: {
    meaning: 'A GPU grant has both a `count` and `gpuHours`, or neither.',
    fix: 'Set `count` (GPUs or MIG instances) or `gpuHours` (a budget over the allocation period).',
  },
  ALLOCATION_MISSING: {
    meaning: 'A EuroHPC tenant (any mode but `internal`), or a GPU-hour budget, has no allocation.',
    fix: "Set `allocation: { projectId: 'EHPC-AIF-2026FL01-0001', start: '2026-01-01', end: '2026-03-31' }`.",
  },
  PROJECT_ID_INVALID: {
    meaning: 'The allocation project id is not a EuroHPC AI Factory project id.',
    fix: "Write it like 'EHPC-AIF-2026PG01-0042'.",
  },
  DATE_INVALID: {
    meaning: 'An allocation date is not a real date of the form YYYY-MM-DD.',
    fix: "Write it like '2026-01-15'.",
  },
  SYNTHESIS_DATE_INVALID: {
    meaning:
      'The environment variable `AIF_DATE` (set by `aif synth --date`), against which synthesis judges allocations, is not a real date of the form YYYY-MM-DD.',
    fix: "Set it like '2026-11-30', or unset it to judge allocations against today (UTC).",
  },
  PERIOD_INVALID: {
    meaning: 'An allocation ends before it starts.',
    fix: 'Swap the dates or correct the end date.',
  },
  DURATION_NOT_ALLOWED: {
    meaning: "An allocation's period is not one its access mode allows (see docs/access-modes.md).",
    fix: 'Change the end date, or the access mode.',
  },
  BUDGET_OUTSIDE_MODE: {
    meaning: "A tenant's GPU-hour budget is outside the range of its access mode.",
    fix: 'Change the budget, or use the access mode the message suggests.',
  },
  SHARE_EXCEEDS_MODE: {
    meaning: 'A tenant holds more GPU-equivalents at once than its access mode allows.',
    fix: 'Lower the grants, or use another access mode.',
  },
  TENANT_SHARE_EXCEEDS_POOL: {
    meaning: 'A single grant (a count, or a budget spread over its period) is larger than the whole pool.',
    fix: 'Lower the grant, lengthen the period of a budget, or grant on a larger pool.',
  },
  ACCESS_MODE_NOT_OFFERED: {
    meaning: "A tenant's access mode is not among the site's `accessModes`.",
    fix: "Choose one of the site's modes, or add this one to `accessModes`.",
  },
  STORAGE_TIER_UNKNOWN: {
    meaning: 'A storage grant, volume or `slurmStateTier` names a tier the site does not have.',
    fix: "Use one of the site's tiers named in the message.",
  },
  STORAGE_OVERCOMMITTED: {
    meaning: "The tenants' quotas on a tier add up to more than its capacity.",
    fix: "Lower the tenants' storage by the amount in the message, or raise the tier's capacity.",
  },
  DEFAULT_CLASS_DUPLICATE: {
    meaning:
      'More than one tier is the default StorageClass; a cluster with two defaults picks one at random.',
    fix: 'Keep `default: true` on one tier only.',
  },
  DRIVER_PARAMETER_INVALID: {
    meaning:
      "A storage driver's parameter is missing or malformed (e.g. an NFS server that is no host, a bad Lustre `exaFS`).",
    fix: 'Set the parameter in the form the message shows (see docs/storage.md, "Drivers").',
  },
  STORAGE_MODE_UNSUPPORTED: {
    meaning:
      'A tier asks for an access or binding mode its driver cannot give (e.g. ReadWriteMany on node-local volumes).',
    fix: 'Use a mode the driver supports, or remove the setting to take its default.',
  },
  VOLUME_OVER_QUOTA: {
    meaning: "A tenant's shared volumes exceed its quota on their tier, or it has no quota there.",
    fix: "Add or raise the tenant's `storage` grant on that tier, or shrink the volumes.",
  },
  NFS_PATH_REUSABLE: {
    meaning:
      "An NFS tier's `subDir` names a volume's directory after the namespace and claim only, so a claim of the same name made later (a volume removed and added again) would get the old volume's data.",
    fix: 'Put `${pv.metadata.name}` in `subDir` (the PV is named `pvc-<claim UID>`, new for every claim), or leave `subDir` out (one directory per PV).',
  },
  SCHEDULER_POOL_UNKNOWN: {
    meaning: 'The scheduler settings name a pool the site does not have.',
    fix: "Use one of the site's pools named in the message.",
  },
  SCHEDULER_NODES_EXCEEDED: {
    meaning: 'The schedulers are given more nodes of a pool than it has.',
    fix: 'Lower the Slurm (or Kueue) node counts of the pool, or add nodes.',
  },
  TENANT_QUOTA_EXCEEDS_SHARE: {
    meaning: 'A tenant grant is larger than the part of the pool that Slurm leaves to Kubernetes jobs.',
    fix: 'Lower the grant to the amount in the message, or give Slurm fewer nodes of the pool.',
  },
  TENANT_UNKNOWN: {
    meaning: 'The scheduler settings name a tenant the site does not have.',
    fix: 'Use one of the tenants named in the message.',
  },
  BORROWING_WITHOUT_COHORT: {
    meaning: 'A queue sets a borrowing or lending limit, but Kueue runs without a cohort.',
    fix: 'Remove the limit, or give the queues a cohort (`schedulers.kueue.cohort`).',
  },
  SECRET_REF_MISSING: {
    meaning: 'A password or configuration file the scheduler needs is not named as a Secret.',
    fix: "Create the Secret in the scheduler's namespace and name it: `{ name: 'its-name' }`.",
  },
  SLURM_ACCOUNTING_REQUIRED: {
    meaning:
      "Tenants get Slurm accounts, but the Slurm cluster has no accounting (slurmdbd): Slurm then enforces no account's GPU limit, and anyone who can log in may take every Slurm GPU.",
    fix: "Set the Slurm cluster's `accounting` to the site's MariaDB (`{ host, passwordSecret: { name } }`), or give the tenants no Slurm cluster.",
  },
  SLURM_ADDRESSES_REQUIRED: {
    meaning:
      "A Slurm site does not say where its API server or its accounting database is: Slurm's namespace, which every Slurm tenant's jobs share, would reach any address on those ports.",
    fix: "Set `network.apiServerCidrs` to the API server's addresses, and give the accounting database as an IP address or its `cidrs`.",
  },
  SLURM_POOL_UNSUPPORTED: {
    meaning:
      'Slurm is given nodes of a MIG-partitioned or time-sliced pool; slurmd takes whole GPUs of a node.',
    fix: 'Give Slurm nodes of a pool that offers whole GPUs.',
  },
  MIRROR_URL_INVALID: {
    meaning: 'The chart mirror is not an oci:// or https:// URL.',
    fix: 'Use `oci://registry.site.example/charts` or `https://charts.site.example/aif` (docs/air-gapped.md).',
  },
  MIRROR_REGISTRY_INVALID: {
    meaning:
      'The image mirror is not a registry path (host, optional port and path; no scheme, tag or digest).',
    fix: 'Write it like `registry.site.example/mirror`.',
  },
  MIRROR_CREDENTIALS_INVALID: {
    meaning:
      'The chart mirror URL carries credentials, which would be committed and written into cdk.tf.json.',
    fix: 'Remove them from the URL and give them to Terraform another way (docs/air-gapped.md).',
  },
  STATE_INSIDE_OUTPUT: {
    meaning:
      "A profile's state directory lies inside the synthesized output, which every synthesis replaces.",
    fix: 'Choose a directory outside `cdktf.out/`, relative to the project root or absolute (docs/state.md).',
  },
  STATE_IN_OUTPUT: {
    meaning:
      'Terraform state files lie inside the output that synthesis would replace; nothing was synthesized.',
    fix: 'Run the `mv` command the message prints to move each file to where the stacks now point (docs/state.md).',
  },
  RETIRED_STORAGE_UNKNOWN: {
    meaning:
      "A retired tenant taken out of Terraform says neither what storage its data still takes nor that its data was deleted; its volumes' capacity would leave the tiers' totals while it is still on disk.",
    fix: "Give `storage` (its grants as they were, `[]` for none) until the namespace is deleted, then `dataDeleted: 'YYYY-MM-DD'` (docs/offboarding.md).",
  },
  TENANT_OUTSIDE_SITE: {
    meaning:
      'A `TenantNamespace` was built directly on an `AiFactorySite` (`site` in its props): it was not checked with the whole profile, and where the site runs Kueue or Slurm it would get no Kueue queues (its jobs would stay suspended) and no Slurm account.',
    fix: 'Add it with `site.addTenant({...})`, which gives it the queues and account of a profile tenant, or to the profile (docs/site-repository.md).',
  },
  TENANT_NAME_RETIRED: {
    meaning: 'A tenant takes the name of a retired tenant; its namespace and data may still exist.',
    fix: 'Choose another name: a name in `retiredTenants` is never reused (docs/offboarding.md).',
  },
  FIELD_UNKNOWN: {
    meaning:
      'A field the library does not know, at any level of the profile; it would be ignored (JavaScript and JSON profiles are not type-checked). The value is never echoed.',
    fix: 'Use the field the message suggests (did you mean ...?), or remove it (docs/profile.md).',
  },
};

/** Codes of the `aif` command line: loading profiles, synthesis, `aif reference pull`, `aif verify`. */
export const CLI_CODE_DOCS: Readonly<Record<string, CodeDoc>> = {
  SITES_DIR_MISSING: {
    meaning: 'The directory of site profiles does not exist.',
    fix: 'Put the profiles in `sites/` (or `stacks/sites/`), name their directory in package.json (`"aif": { "sites": "<dir>" }`), or pass `--sites <dir>`.',
  },
  SITE_UNKNOWN: {
    meaning: '`--site` names a site that no profile of the directory has.',
    fix: "Use one of the site names the message lists (the profiles' `name`).",
  },
  PROFILES_NONE: {
    meaning: 'No file in the profiles directory exports a `profile`.',
    fix: 'Add `<sites directory>/<site>.ts` (`sites/` in a site repository) with `export const profile: SiteProfile = {...}`.',
  },
  PROFILE_FILE_DUPLICATE: {
    meaning: 'Two files are profiles of one name (e.g. `bologna.ts` and a stale `bologna.js`).',
    fix: 'Delete the stale one.',
  },
  PROFILE_EXPORT_MISSING: {
    meaning: "A profile module's `profile` export is undefined.",
    fix: 'Export the profile object as `profile`.',
  },
  PROFILE_LOAD_FAILED: {
    meaning: 'A profile module did not compile, or threw while it was run.',
    fix: 'Correct the profile (the message has the first line of the error) so that it runs.',
  },
  TYPESCRIPT_MISSING: {
    meaning: 'A TypeScript profile needs the `typescript` package, which is not installed.',
    fix: 'Run `npm install --save-dev typescript` in the site repository, or write the profile in JavaScript.',
  },
  SYNTH_FAILED: {
    meaning: 'The constructs threw during synthesis, after the profiles had validated.',
    fix: 'Read the error shown below the line; report it if it comes from the library.',
  },
  HELM_MISSING: {
    meaning: '`aif reference pull` needs the helm CLI, which is not on the PATH.',
    fix: 'Install helm 3.8 or later (OCI charts): https://helm.sh/docs/intro/install/.',
  },
  IMAGE_NOT_PINNED: {
    meaning:
      "`aif verify`: an image a release runs (the chart's default values merged with the release's) has no tag, or a floating one: `latest` or a variant of it, a branch (`main`, `release-0.19`), a bare major version, or a `<major>.<minor>` series (`1.36`, `26.05-ubuntu26.04`), which moves with every patch release.",
    fix: 'Set a released tag at the values path the message names, better a digest (`@sha256:...`); docs/verify.md.',
  },
  HELM_FAILED: {
    meaning: 'A helm command of `aif reference pull` failed or exited non-zero.',
    fix: 'Check that the chart repository (or your mirror) is reachable and that helm is logged in to OCI registries.',
  },
};
