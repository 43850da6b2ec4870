/**
 * The provider classes the constructs make, loaded on first use rather than with the package index:
 * a program that imports the library to validate a profile or read a site's plan loads none of
 * them (they were 16 ms of the 38 ms the index added to cdktf's own import; docs/performance.md).
 * A module imports a class's type from its provider module as a type, and makes it through here:
 * `new providerClasses.NamespaceV1(this, 'namespace', { ... })`. Node caches each module: a class
 * is loaded once.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export const providerClasses = {
  get ConfigMapV1(): typeof import('@cdktf/provider-kubernetes/lib/config-map-v1').ConfigMapV1 {
    return (
      require('@cdktf/provider-kubernetes/lib/config-map-v1') as typeof import('@cdktf/provider-kubernetes/lib/config-map-v1')
    ).ConfigMapV1;
  },
  get Labels(): typeof import('@cdktf/provider-kubernetes/lib/labels').Labels {
    return (
      require('@cdktf/provider-kubernetes/lib/labels') as typeof import('@cdktf/provider-kubernetes/lib/labels')
    ).Labels;
  },
  get LimitRangeV1(): typeof import('@cdktf/provider-kubernetes/lib/limit-range-v1').LimitRangeV1 {
    return (
      require('@cdktf/provider-kubernetes/lib/limit-range-v1') as typeof import('@cdktf/provider-kubernetes/lib/limit-range-v1')
    ).LimitRangeV1;
  },
  get Manifest(): typeof import('@cdktf/provider-kubernetes/lib/manifest').Manifest {
    return (
      require('@cdktf/provider-kubernetes/lib/manifest') as typeof import('@cdktf/provider-kubernetes/lib/manifest')
    ).Manifest;
  },
  get NamespaceV1(): typeof import('@cdktf/provider-kubernetes/lib/namespace-v1').NamespaceV1 {
    return (
      require('@cdktf/provider-kubernetes/lib/namespace-v1') as typeof import('@cdktf/provider-kubernetes/lib/namespace-v1')
    ).NamespaceV1;
  },
  get NetworkPolicyV1(): typeof import('@cdktf/provider-kubernetes/lib/network-policy-v1').NetworkPolicyV1 {
    return (
      require('@cdktf/provider-kubernetes/lib/network-policy-v1') as typeof import('@cdktf/provider-kubernetes/lib/network-policy-v1')
    ).NetworkPolicyV1;
  },
  get NodeTaint(): typeof import('@cdktf/provider-kubernetes/lib/node-taint').NodeTaint {
    return (
      require('@cdktf/provider-kubernetes/lib/node-taint') as typeof import('@cdktf/provider-kubernetes/lib/node-taint')
    ).NodeTaint;
  },
  get PersistentVolumeClaimV1(): typeof import('@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1').PersistentVolumeClaimV1 {
    return (
      require('@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1') as typeof import('@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1')
    ).PersistentVolumeClaimV1;
  },
  get KubernetesProvider(): typeof import('@cdktf/provider-kubernetes/lib/provider').KubernetesProvider {
    return (
      require('@cdktf/provider-kubernetes/lib/provider') as typeof import('@cdktf/provider-kubernetes/lib/provider')
    ).KubernetesProvider;
  },
  get ResourceQuotaV1(): typeof import('@cdktf/provider-kubernetes/lib/resource-quota-v1').ResourceQuotaV1 {
    return (
      require('@cdktf/provider-kubernetes/lib/resource-quota-v1') as typeof import('@cdktf/provider-kubernetes/lib/resource-quota-v1')
    ).ResourceQuotaV1;
  },
  get RoleBindingV1(): typeof import('@cdktf/provider-kubernetes/lib/role-binding-v1').RoleBindingV1 {
    return (
      require('@cdktf/provider-kubernetes/lib/role-binding-v1') as typeof import('@cdktf/provider-kubernetes/lib/role-binding-v1')
    ).RoleBindingV1;
  },
  get RoleV1(): typeof import('@cdktf/provider-kubernetes/lib/role-v1').RoleV1 {
    return (
      require('@cdktf/provider-kubernetes/lib/role-v1') as typeof import('@cdktf/provider-kubernetes/lib/role-v1')
    ).RoleV1;
  },
  get StorageClassV1(): typeof import('@cdktf/provider-kubernetes/lib/storage-class-v1').StorageClassV1 {
    return (
      require('@cdktf/provider-kubernetes/lib/storage-class-v1') as typeof import('@cdktf/provider-kubernetes/lib/storage-class-v1')
    ).StorageClassV1;
  },
  get HelmProvider(): typeof import('@cdktf/provider-helm/lib/provider').HelmProvider {
    return (
      require('@cdktf/provider-helm/lib/provider') as typeof import('@cdktf/provider-helm/lib/provider')
    ).HelmProvider;
  },
  get Release(): typeof import('@cdktf/provider-helm/lib/release').Release {
    return (require('@cdktf/provider-helm/lib/release') as typeof import('@cdktf/provider-helm/lib/release'))
      .Release;
  },
};
