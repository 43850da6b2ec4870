/**
 * cdktf-ai-factory: constructs that provision the Kubernetes side of an EU AI Factory site.
 *
 * The public API, and nothing else: the constructs and their props, the profile's types, its
 * validation, the site plan, what a site repository's app and `aif synth` run, and the names a
 * cluster shows (labels, annotations, queue and policy names). The modules' own helpers (quantity
 * arithmetic, CEL fragments, address pinning, checks by subject) are not part of it; docs/layout.md
 * says where they live.
 */

// Every type: the profile, the props, the plan.
export type { LoadedProfiles } from './cli/profiles';
export type { SynthResult } from './cli/synth';
export type { CpuNodePoolProps } from './compute/cpu-pool';
export type { AmdGpuOperatorProps, CertManagerProps, NvidiaGpuOperatorProps } from './compute/gpu-operators';
export type { GpuNodePoolProps, Toleration } from './compute/node-pool';
export type { AcceleratorModel, AcceleratorVendor, MigProfile } from './model/accelerators';
export type {
  AccessModePreset,
  AccessModeSchedulingPreset,
  DurationRule,
  ObjectCountPreset,
  QueuePreemptionPreset,
} from './model/access-modes';
export type { AllocationStatus } from './model/allocation';
export type { PoolOffer } from './model/capacity';
export type { IssueCode, ValidationIssue } from './model/errors';
export type {
  AccessMode,
  ChartMirrorSpec,
  ClusterNetworkSpec,
  CpuPoolSpec,
  GpuOperatorSpec,
  ImageMirrorSpec,
  InterconnectSpec,
  KubernetesConnection,
  MigLayoutSpec,
  MirrorSpec,
  NodePoolSpec,
  NodeSelection,
  RetiredTenantSpec,
  SiteProfile,
  StateBackendSpec,
  TaintSpec,
  TenantAllocation,
  TenantGpuGrant,
  TenantPodsSpec,
  TenantResourceSpec,
  TenantSpec,
} from './model/profile';
export type {
  EffectiveGrant,
  KueueSpec,
  KueueTenantOverride,
  PoolSplit,
  SchedulersSpec,
  SecretKeySpec,
  SlurmAccountingSpec,
  SlurmAccountLimits,
  SlurmLoginSpec,
  SlurmPartitionSpec,
  SlurmSpec,
} from './model/scheduling';
export type {
  CephFsDriverSpec,
  CephRbdDriverSpec,
  CephSecretsSpec,
  CustomDriverSpec,
  ExaScalerDriverSpec,
  NfsDriverSpec,
  ReclaimPolicy,
  RookCephFsDriverSpec,
  RookRbdDriverSpec,
  StorageDriverKind,
  StorageDriverSpec,
  StorageScaleDriverSpec,
  StorageTierSpec,
  TenantStorageGrant,
  TenantVolumeSpec,
  TopoLvmDriverSpec,
  VolumeAccessMode,
  VolumeBindingMode,
} from './model/storage';
export type { LaneResource, LanesPlan } from './plan/kueue';
export type { PoolPlan, SitePlan, SlurmPlan, TenantPlan } from './plan/site';
export type { DenyPolicyProps } from './platform/admission';
export type { ChartRef } from './platform/charts';
export type { ChartImage, ImageSwitch, ReleaseImage } from './platform/images';
export type { KubernetesBackendProps } from './platform/kubernetes-backend';
export type { SystemNamespaceProps } from './platform/namespace';
export type {
  ClusterNetworkProps,
  NamespaceNetwork,
  NetworkFlow,
  NetworkPeer,
} from './platform/network-policy';
export type { ChartsOutputRelease, PinnedReleaseProps } from './platform/release';
export type {
  KueueCohortProps,
  KueueCpuFlavorProps,
  KueueGrant,
  KueueLaneGuardProps,
  KueueProps,
  KueueRbacRule,
  KueueResourceFlavorProps,
  KueueTenant,
  KueueTenantQueueProps,
} from './scheduling/kueue';
export type { KueueBypassGuardProps } from './scheduling/kueue-guard';
export type {
  SlurmAccountProps,
  SlurmClusterProps,
  SlurmCpuNodeSetProps,
  SlurmNodeSetProps,
  SlurmOperatorProps,
  SlurmPartitionProps,
} from './scheduling/slurm';
export type { RunSiteAppOptions } from './site/run-app';
export type {
  CertManagerDependency,
  InstalledDriver,
  NfsCsiDriverProps,
  NodeToleration,
  RookCephProps,
  RookPoolSpec,
  TopoLvmDeviceClass,
  TopoLvmProps,
} from './storage/drivers';
export type { NodePlacement, SiteStorageProps } from './storage/site-storage';
export type { StorageTierProps } from './storage/storage-tier';
export type { TenantGuardrailsProps } from './tenancy/guardrails';
export type { RemovedTenantProps } from './tenancy/removed-tenant';
export type { ISiteScope, SiteScopeProps } from './tenancy/site-scope';
export type { PolicyRule, TenantNamespaceProps, TenantPoolGrant } from './tenancy/tenant-namespace';
export type { TenantSharedVolume, TenantTierGrant } from './tenancy/tenant-volumes';

// A site from its profile, and a cluster built from the constructs.
export { AiFactorySite } from './site/site';
export { runSiteApp } from './site/run-app';
export { SiteScope } from './tenancy/site-scope';

// The constructs.
export { GpuNodePool } from './compute/node-pool';
export { CpuNodePool } from './compute/cpu-pool';
export { AmdGpuOperator, CertManager, NvidiaGpuOperator } from './compute/gpu-operators';
export { StorageTier } from './storage/storage-tier';
export { SiteStorage } from './storage/site-storage';
export { NfsCsiDriver, RookCeph, TopoLvm } from './storage/drivers';
export { retainedTenantResources, TenantNamespace } from './tenancy/tenant-namespace';
export { TenantGuardrails } from './tenancy/guardrails';
export { RemovedTenant } from './tenancy/removed-tenant';
export {
  Kueue,
  KueueCohort,
  KueueCpuFlavor,
  KueueLaneGuard,
  KueuePriorityClasses,
  KueuePriorityGuard,
  KueueResourceFlavor,
  KueueTenantQueue,
} from './scheduling/kueue';
export { KueueBypassGuard } from './scheduling/kueue-guard';
export { SlurmCluster, SlurmOperator } from './scheduling/slurm';
export { DenyPolicy } from './platform/admission';
export { KubernetesBackend } from './platform/kubernetes-backend';
export { SystemNamespace } from './platform/namespace';
export { ClusterNetwork } from './platform/network-policy';
export { PinnedRelease } from './platform/release';
export { configureBackend, configureProviders } from './platform/providers';
export { useMirror } from './platform/mirror';
export { CHARTS } from './platform/charts';

// The profile: validation, the accelerator catalog, the access modes.
export { ACCESS_MODES, RESERVED_NAMESPACES, siteIssues, validateSite } from './model/validate';
export { ValidationError } from './model/errors';
export { DEFAULT_POD_SECURITY_VERSION } from './model/profile';
export { TENANT_WRITABLE } from './model/contract';
export { acceleratorCatalog, findAccelerator, registerAccelerator } from './model/accelerators';
export { ACCESS_MODE_PRESETS, accessModePreset } from './model/access-modes';

// The site plan: every number the constructs write, computed once (pure, no cdktf).
export { planSite } from './plan/site';

// What a site repository's app and `aif synth` run: all-or-nothing synthesis, profile loading.
export { addSites, synthesizeSites } from './cli/synth';
export {
  defaultSitesDir,
  isProfileModule,
  loadProfiles,
  profileProblems,
  readProfiles,
} from './cli/profiles';

// Names the cluster shows: labels, annotations, queue, policy and role names.
export { LABEL_PREFIX } from './platform/ids';
export { ACCELERATOR_LABEL, INTERCONNECT_LABEL, POOL_LABEL, SCHEDULER_LABEL } from './compute/node-pool';
export {
  ADMIN_RULES,
  DEFAULT_DENY_POLICY,
  LIFECYCLE_LABEL,
  MEMBER_RULES,
  SYSTEM_PRIORITY_CLASSES,
} from './tenancy/tenant-namespace';
export { OFFBOARDING_ANNOTATION, TENANT_SIZE_LIMITS } from './tenancy/guardrails';
export {
  KUEUE_PRIORITY_LABEL,
  KUEUE_QUEUE_LABEL,
  KUEUE_TENANT_RULES,
  TENANT_CPU_LOCAL_QUEUE,
  TENANT_LABEL,
  TENANT_LOCAL_QUEUE,
} from './scheduling/kueue';
