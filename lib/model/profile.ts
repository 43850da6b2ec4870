/**
 * The site profile: plain data that describes one AI Factory site's Kubernetes side.
 * Profiles live in `stacks/sites/<site>.ts`; `validateSite` checks them before anything is built.
 */
import type { AcceleratorModel } from './accelerators';
import type { StorageTierSpec, TenantStorageGrant, TenantVolumeSpec } from './storage';
import type { SchedulersSpec } from './scheduling';

/** How Terraform reaches the cluster: a kubeconfig file and one of its contexts. */
export interface KubernetesConnection {
  /** Path of the kubeconfig file, e.g. `~/.kube/config`. */
  readonly configPath: string;
  /** Context in that file; required, so a deploy never lands on whatever context is current. */
  readonly context: string;
}

/** Where Terraform keeps state for the site's two stacks. */
export type StateBackendSpec =
  | {
      /**
       * A local file per stack, `terraform.<stack>.tfstate` in `directory`, written as an absolute
       * path so that it never lies inside the synthesized output (which each synthesis replaces).
       */
      readonly kind: 'local';
      /**
       * Directory of the state files, relative to the project root (the nearest directory with a
       * `cdktf.json`, or `$AIF_PROJECT_ROOT`), or absolute. Back it up; do not commit it (state can
       * hold secrets).
       * @default 'state'
       */
      readonly directory?: string;
    }
  | {
      /**
       * Terraform's kubernetes backend: state in a Secret `tfstate-<workspace>-<secretSuffix>` of the
       * cluster itself, with a Lease for locking (https://developer.hashicorp.com/terraform/language/backend/kubernetes).
       */
      readonly kind: 'kubernetes';
      /** Namespace that holds the state Secrets. @default - `kube-system` */
      readonly namespace?: string;
    };

/** The fabric that connects a pool's nodes; informs labels, reports and (later) the network operator. */
export interface InterconnectSpec {
  readonly fabric: 'infiniband' | 'slingshot' | 'ethernet';
  /** Generation or product, e.g. `HDR`, `NDR200`, `Slingshot-11`, `400GbE`. */
  readonly generation: string;
  /** Links per node. */
  readonly linksPerNode: number;
  /** Speed of one link in Gb/s. */
  readonly gbpsPerLink: number;
}

/** How the library finds the nodes of a pool. */
export type NodeSelection =
  | {
      /**
       * Labels by which the site finds the pool's nodes. The site gives those nodes the pool's labels
       * and taint (its `site_applied_node_config` output), and the library places work by the pool's
       * `node-restriction.kubernetes.io/ai-factory.eu-pool` label, never by these, which a node's
       * kubelet could set on itself.
       */
      readonly labels: Readonly<Record<string, string>>;
      /** How many nodes carry those labels. */
      readonly count: number;
    }
  | {
      /**
       * An explicit node list in Slurm hostlist syntax (`lrdn[0001-0128]`). The library labels and
       * taints each node itself, and owns each listed node's whole taint list (see `GpuNodePool`).
       */
      readonly hostlist: string;
    };

export interface TaintSpec {
  readonly key: string;
  readonly value: string;
  readonly effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** MIG layout applied to every GPU of a pool: profile name to instances per GPU. */
export interface MigLayoutSpec {
  /** e.g. `{ '3g.40gb': 1, '2g.20gb': 1, '1g.10gb': 2 }` */
  readonly profiles: Readonly<Record<string, number>>;
}

export interface NodePoolSpec {
  /**
   * Pool name, a DNS label; part of Terraform addresses, so never rename a pool lightly.
   * @pattern ^[a-z0-9]+(-+[a-z0-9]+)*$
   * @maxLength 63
   */
  readonly name: string;
  /** Catalog id, e.g. `nvidia-a100-64gb` (see `acceleratorCatalog()`). */
  readonly accelerator: string;
  /**
   * Schedulable GPUs per node (8 for a LUMI-G node: 4 MI250X modules, 2 GCDs each).
   * @minimum 1
   */
  readonly gpusPerNode: number;
  readonly nodes: NodeSelection;
  /** @default - no interconnect recorded */
  readonly interconnect?: InterconnectSpec;
  /**
   * The taint that keeps pods without GPU requests off the pool.
   * @default - `<gpu resource name>=present:NoSchedule`, which the ExtendedResourceToleration
   *   admission plugin tolerates automatically for pods that request the GPU resource
   */
  readonly taint?: TaintSpec;
  /** @default - MIG disabled: whole GPUs */
  readonly mig?: MigLayoutSpec;
  /**
   * Time-slicing: each GPU is advertised this many times (NVIDIA only). Pods sharing a GPU are not
   * isolated from each other, so a site should use it only for Playground-style pools.
   * @default - no time-slicing
   */
  readonly timeSlicingReplicas?: number;
  /**
   * Let several tenants hold replicas of this time-sliced pool. Time-slicing isolates neither memory
   * nor faults between the pods that share a GPU, so tenants would share GPUs with each other; say
   * so explicitly, and only where no tenant's data needs protecting from another.
   * @default false - one tenant per time-sliced pool
   */
  readonly timeSlicingSharedByTenants?: boolean;
  /** Why this pool looks the way it does (source of the figures, or what is assumed). @default - no note */
  readonly note?: string;
  /**
   * Let tenants' grants add up to more than the pool holds, by this factor, for a stated reason
   * (e.g. Playground tenants that rarely run at once). Quotas then promise more than exists.
   * @default - no over-commit: grants add up to at most the pool
   */
  readonly overcommit?: { readonly factor: number; readonly reason: string };
}

/**
 * Nodes without GPUs that the site gives its schedulers: Kueue's CPU lane (every tenant's work
 * without GPUs) and, where `schedulers.slurm.nodes` names the pool, a Slurm partition.
 */
export interface CpuPoolSpec {
  /**
   * Pool name, a DNS label, distinct from the GPU pools' names; part of Terraform addresses.
   * @pattern ^[a-z0-9]+(-+[a-z0-9]+)*$
   * @maxLength 63
   */
  readonly name: string;
  /**
   * The pool's nodes: a hostlist (the library labels each node) or labels with a count (the site
   * labels them, as its `site_applied_node_config` output says).
   */
  readonly nodes: NodeSelection;
  /**
   * Cores per node that pods and jobs may use (the node's allocatable CPU).
   * @minimum 1
   */
  readonly coresPerNode: number;
  /** Memory per node that pods and jobs may use, a Kubernetes quantity (e.g. `'480Gi'`). */
  readonly memoryPerNode: string;
  /** Where the figures come from. @default - no note */
  readonly note?: string;
}

/** EuroHPC AI Factory access modes, plus `internal` for the site's own staff. */
export type AccessMode = 'playground' | 'fast-lane' | 'large-scale' | 'ai-for-science' | 'internal';

/** GPUs of one pool granted to a tenant: an explicit count, or a GPU-hour budget. */
export interface TenantGpuGrant {
  /** Name of a pool of the site. */
  readonly pool: string;
  /**
   * Whole GPUs, or MIG instances when `migProfile` is set (or time-sliced replicas).
   * @default - derived from `gpuHours` over the tenant's allocation period
   */
  readonly count?: number;
  /**
   * GPU-hour budget on this pool; the library derives the sustained share over the tenant's
   * `allocation` period and rounds it to whole GPUs or MIG instances (see lib/model/allocation.ts).
   * Set either this or `count`.
   * @default - none: `count` is used
   */
  readonly gpuHours?: number;
  /** A MIG profile of the pool's layout, e.g. `1g.10gb`. @default - whole GPUs */
  readonly migProfile?: string;
}

/** Non-GPU limits of a tenant namespace (Kubernetes quantities). */
export interface TenantResourceSpec {
  /** @default - 16 cores per granted GPU, at least 8 */
  readonly cpu?: string;
  /** @default - 128Gi per granted GPU, at least 32Gi */
  readonly memory?: string;
  /** @default - 100Gi per granted GPU, at least 50Gi */
  readonly ephemeralStorage?: string;
  /** @default - 200 */
  readonly pods?: number;
  /** @default - 50 */
  readonly persistentVolumeClaims?: number;
}

/** The grant behind a tenant: which project, and for how long. */
export interface TenantAllocation {
  /** EuroHPC project identifier, e.g. `EHPC-AIF-2026PG01-0042`. */
  readonly projectId: string;
  /** First day, `YYYY-MM-DD` (UTC). */
  readonly start: string;
  /** Last day, inclusive, `YYYY-MM-DD` (UTC). */
  readonly end: string;
}

export interface TenantSpec {
  /**
   * Tenant name, a DNS label; also the namespace name. Never rename: the namespace holds data.
   * @pattern ^[a-z0-9]+(-+[a-z0-9]+)*$
   * @maxLength 63
   */
  readonly name: string;
  /** @default - the name */
  readonly displayName?: string;
  readonly accessMode: AccessMode;
  /**
   * Project and period of the allocation; written to the namespace as annotations, and the period
   * over which `gpuHours` budgets are spread.
   * @default - an open-ended allocation with explicit GPU counts
   */
  readonly allocation?: TenantAllocation;
  /** Sector, for reports and labels (e.g. `agrifood`). @default - none */
  readonly sector?: string;
  readonly gpus: readonly TenantGpuGrant[];
  /** @default - see TenantResourceSpec */
  readonly resources?: TenantResourceSpec;
  /** Identity-provider groups bound to the tenant's namespaced roles. */
  readonly groups: {
    readonly admins: readonly string[];
    /** @default - no member group */
    readonly members?: readonly string[];
  };
  /**
   * CIDRs the tenant's pods may reach beyond the namespace and cluster DNS (e.g. a site proxy).
   * @default - none: egress is denied
   */
  readonly egressCidrs?: readonly string[];
  /**
   * Quota per storage tier; every other tier of the site gets a quota of zero.
   * @default - no storage beyond ephemeral storage
   */
  readonly storage?: readonly TenantStorageGrant[];
  /** Named shared volumes (PVCs kept with `prevent_destroy`). @default - none */
  readonly volumes?: readonly TenantVolumeSpec[];
  /**
   * The project has ended: the namespace, its volumes and its storage quota stay; everything else
   * goes (role bindings, GPU, CPU and pod quota, which become zero; egress; its Kueue queues stop
   * and drain). The first step of offboarding; the second is moving the tenant to the site's
   * `retiredTenants`, which takes it out of Terraform without deleting it from the cluster.
   * @default false
   */
  readonly retired?: boolean;
}

/**
 * A tenant taken out of Terraform after it was retired: its namespace and volumes stay in the
 * cluster (Terraform `removed` blocks with `destroy = false`, Terraform 1.7 or later), and its name
 * can never be given to a new tenant of the site.
 */
export interface RetiredTenantSpec {
  /** The tenant's name, which was its namespace's name. */
  readonly name: string;
  /**
   * Names of the tenant's shared volumes (its `volumes[].name`), so that their claims leave
   * Terraform's state too instead of being destroyed. `aif diff` flags a claim that would be.
   * @default - none
   */
  readonly volumes?: readonly string[];
  /** Why and when, for the record (e.g. `EHPC-AIF-2026FL01-0007 ended 2026-09-30`). @default - none */
  readonly note?: string;
  /**
   * The storage its data still takes, per tier (its `storage` grants as they were when it left
   * `tenants`; `[]` for none): counted in the tiers' totals (`STORAGE_OVERCOMMITTED`, `aif report`)
   * until `dataDeleted`, since the namespace and its volumes stay in the cluster. Give this or
   * `dataDeleted` (`RETIRED_STORAGE_UNKNOWN`).
   * @default - none
   */
  readonly storage?: readonly TenantStorageGrant[];
  /**
   * The day (`YYYY-MM-DD`) the tenant's namespace and volumes were deleted (offboarding step 3):
   * from then on its storage no longer counts.
   * @default - not deleted: its `storage` counts
   */
  readonly dataDeleted?: string;
}

/** Options for the GPU operators of the platform stack. */
export interface GpuOperatorSpec {
  /**
   * `host`: the nodes' drivers are installed by the site (the common case at HPC sites, whose
   * images carry the driver); `operator`: the GPU operator builds and loads the driver.
   * @default 'host'
   */
  readonly driver?: 'host' | 'operator';
}

/** Limits on tenant pods that Pod Security does not set (the tenant guard rails enforce them). */
export interface TenantPodsSpec {
  /**
   * Longest `terminationGracePeriodSeconds` of a tenant pod (1 to 3600): a preempted or suspended
   * job's pods keep their GPUs that long after Kueue evicts them.
   * @default 300
   */
  readonly maxGracePeriodSeconds?: number;
  /**
   * CSI drivers tenant pods may mount inline (`volumes[].csi`), for example the Secrets Store
   * driver `secrets-store.csi.k8s.io`. Never a storage driver: an inline NFS or Ceph volume mounts
   * any share by its address.
   * @default - none
   */
  readonly inlineCsiDrivers?: readonly string[];
}

export interface SiteProfile {
  /**
   * The JSON Schema that a profile written as JSON or YAML names for its editor
   * (`schema/site-profile.schema.json` of the package); the library ignores it.
   * @default - none
   */
  readonly $schema?: string;
  /**
   * Site name, a DNS label; stacks are `<name>-platform` and `<name>-tenants`.
   * @pattern ^[a-z0-9]+(-+[a-z0-9]+)*$
   * @maxLength 63
   */
  readonly name: string;
  /** Human name, e.g. `IT4LIA AI Factory (CINECA, Bologna)`. */
  readonly displayName: string;
  readonly kubernetes: KubernetesConnection;
  /** @default - `{ kind: 'local' }` */
  readonly state?: StateBackendSpec;
  readonly nodePools: readonly NodePoolSpec[];
  /**
   * CPU nodes, counted in `aif report`, labelled for Kueue's CPU lane and, where Slurm takes some,
   * a Slurm partition each (see docs/schedulers.md).
   * @default - none: the CPU lane runs on whatever nodes the site labels (`schedulers.kueue.cpuNodeLabels`)
   */
  readonly cpuPools?: readonly CpuPoolSpec[];
  readonly tenants: readonly TenantSpec[];
  /**
   * Tenants that were retired and then taken out of `tenants`: the record that keeps their data in
   * the cluster and their names from being reused. Never shorten it.
   * @default - none
   */
  readonly retiredTenants?: readonly RetiredTenantSpec[];
  /** @default - host-installed drivers */
  readonly gpuOperator?: GpuOperatorSpec;
  /**
   * Access modes the site offers (HammerHAI, for one, serves industry only).
   * @default - every mode
   */
  readonly accessModes?: readonly AccessMode[];
  /**
   * PriorityClasses tenant pods may name. A cluster with a `globalDefault` PriorityClass must list
   * it: the Priority admission plugin writes it into every new pod, and the tenant guard rails
   * refuse any other.
   * @default - none
   */
  readonly tenantPriorityClasses?: readonly string[];
  /**
   * GPU models the library's catalog does not have, declared for this site's pools (see
   * `registerAccelerator`): each is checked and added to the catalog before the pools are.
   * @default - none: the catalog's models only
   */
  readonly accelerators?: readonly AcceleratorModel[];
  /** What tenant pods may set beyond Pod Security's `restricted` profile. @default - the defaults of `TenantPodsSpec` */
  readonly tenantPods?: TenantPodsSpec;
  /**
   * Pod Security Standards version that tenant namespaces enforce; pinned so that a cluster upgrade
   * does not silently change what `restricted` means.
   * @default 'v1.33'
   */
  readonly podSecurityVersion?: string;
  /** Storage tiers (StorageClasses and their drivers). @default - none */
  readonly storageTiers?: readonly StorageTierSpec[];
  /**
   * Tier of the Slurm controller's save-state volume; a `Retain` tier that is
   * not node-local.
   * @default - the Slurm cluster's own default
   */
  readonly slurmStateTier?: string;
  /** Kueue and Slurm, and how they share the pools (see lib/model/scheduling.ts). @default - none */
  readonly schedulers?: SchedulersSpec;
  /**
   * Where an air-gapped site gets its charts and images instead of the public registries (see
   * docs/air-gapped.md; `aif charts` lists what to copy).
   * @default - upstream repositories and registries
   */
  readonly mirror?: MirrorSpec;
  /**
   * What the operator namespaces' network policies need to know of the cluster (see
   * docs/security.md, "Operator namespaces").
   * @default - the API server reached on ports 443 and 6443 at any address, SSH to Slurm's login
   *   nodes from anywhere
   */
  readonly network?: ClusterNetworkSpec;
}

/** The cluster's network, as the operator namespaces' policies see it. */
export interface ClusterNetworkSpec {
  /**
   * The Kubernetes API server's addresses as pods reach them once the `kubernetes` Service is
   * translated (the control-plane nodes, or a load balancer in front of them), and where its
   * webhook calls come from (the control-plane nodes): list both where they differ.
   * @default - any address (egress on `apiServerPorts` only, webhook ports open to any source)
   */
  readonly apiServerCidrs?: readonly string[];
  /** Ports the API server listens on at those addresses. @default [443, 6443] */
  readonly apiServerPorts?: readonly number[];
  /** Where Slurm users come from to the login nodes' SSH. @default - any address */
  readonly slurmLoginCidrs?: readonly string[];
}

/** The site's own copies of the upstream charts and images. */
export interface MirrorSpec {
  /** @default - charts from their upstream repositories */
  readonly charts?: ChartMirrorSpec;
  /** @default - images from their upstream registries */
  readonly images?: ImageMirrorSpec;
}

export interface ChartMirrorSpec {
  /**
   * One OCI registry path (`oci://registry.site.example/charts`) or HTTPS chart repository
   * (`https://charts.site.example/aif`) that holds every chart under its upstream name and version.
   */
  readonly url: string;
  /**
   * Credentials by reference only: the names of two Terraform variables that hold them (set as
   * `TF_VAR_<name>` in the deploying environment). A password never appears in a profile or in
   * the synthesized JSON. @default - anonymous access
   */
  readonly credentials?: {
    readonly usernameVariable: string;
    readonly passwordVariable: string;
  };
}

export interface ImageMirrorSpec {
  /**
   * Registry and path prefix, without scheme (`registry.site.example/mirror`). An upstream image
   * keeps its path without the upstream host: `nvcr.io/nvidia/gpu-operator` becomes
   * `registry.site.example/mirror/nvidia/gpu-operator`.
   */
  readonly registry: string;
}

export const DEFAULT_POD_SECURITY_VERSION = 'v1.33';
