import type { PersistentVolumeClaimV1 } from '@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1';
import type { ITerraformDependable } from 'cdktf';
import type { Construct } from 'constructs';
import type { VolumeAccessMode } from '../model';
import { TIER_LABEL } from '../model/names';
import { pinAddress } from '../platform/ids';
import type { StorageTier } from '../storage/storage-tier';
import { providerClasses } from '../private/provider-classes';

/** A tenant's quota on one storage tier, by object. */
export interface TenantTierGrant {
  readonly tier: StorageTier;
  /** Storage all the tenant's claims on the tier may request together (a quantity, e.g. `50Ti`). */
  readonly capacity: string;
  /** Claims on the tier. @default 20 */
  readonly claims?: number;
}

/** A named shared volume of the tenant (a dataset, a checkpoint directory). */
export interface TenantSharedVolume {
  /** PVC name. Never rename: a renamed claim is a new, empty volume. */
  readonly name: string;
  readonly tier: StorageTier;
  /** Requested size (a quantity). */
  readonly size: string;
  /** @default - the tier's first access mode */
  readonly accessMode?: VolumeAccessMode;
}

/** Pinned address parts of a tenant's shared volume. */
export function volumeAddress(tenant: string, volume: string): string[] {
  return ['tenant', tenant, 'volume', volume];
}

/**
 * The tenant's shared volumes as PVCs in its namespace, in name order, each with `prevent_destroy`
 * (a destroyed claim on a `Delete` tier takes its data along, and on a `Retain` tier leaves an
 * orphaned volume that nobody can claim again without an administrator). Terraform does not wait
 * for binding: `WaitForFirstConsumer` classes bind only when a pod uses the claim.
 */
export function createSharedVolumes(
  scope: Construct,
  tenant: string,
  namespace: string,
  labels: Readonly<Record<string, string>>,
  volumes: readonly TenantSharedVolume[],
  dependsOn: ITerraformDependable[],
): PersistentVolumeClaimV1[] {
  return [...volumes]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((v) => {
      const pvc = new providerClasses.PersistentVolumeClaimV1(scope, `volume-${v.name}`, {
        metadata: {
          name: v.name,
          namespace,
          labels: { ...labels, [TIER_LABEL]: v.tier.name },
        },
        spec: {
          // The class name is plain data from the tier, never a reference into the platform stack.
          storageClassName: v.tier.className,
          accessModes: [v.accessMode ?? v.tier.accessModes[0]],
          resources: { requests: { storage: v.size } },
        },
        waitUntilBound: false,
        lifecycle: { preventDestroy: true },
        dependsOn,
      });
      pinAddress(pvc, ...volumeAddress(tenant, v.name));
      return pvc;
    });
}
