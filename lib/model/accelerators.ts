/**
 * The accelerator catalog: everything the library knows about a GPU model, in one place.
 *
 * A new GPU is a new entry here, not a change in the constructs: node selectors, quota resource
 * names, MIG validation and (later) Slurm GRES lines are all derived from these entries.
 */

export type AcceleratorVendor = 'nvidia' | 'amd';

/** One MIG (Multi-Instance GPU) profile and how much of a GPU it takes. */
export interface MigProfile {
  /** Profile name as the GPU operator and the device plugin spell it, e.g. `1g.10gb`. */
  readonly name: string;
  /** Compute slices of the 7 a GPU has. */
  readonly computeSlices: number;
  /** Memory slices of the 8 a GPU has. */
  readonly memorySlices: number;
  /** Most instances of this profile on one GPU (NVIDIA MIG user guide; mig-parted defaults). */
  readonly maxInstances: number;
}

export interface AcceleratorModel {
  /** Catalog id used in site profiles, e.g. `nvidia-a100-64gb`. */
  readonly id: string;
  readonly vendor: AcceleratorVendor;
  /** Marketing name, for reports. */
  readonly displayName: string;
  /** Memory of one schedulable device in GB (per GCD for AMD MI250X). */
  readonly memoryGb: number;
  /** Extended resource name the device plugin advertises for a whole device. */
  readonly resourceName: 'nvidia.com/gpu' | 'amd.com/gpu';
  /** Schedulable devices per physical package (MI250X: two GCDs per module). */
  readonly devicesPerPackage: number;
  /** GRES type name for Slurm (`Gres=gpu:<gresType>:<n>`). */
  readonly gresType: string;
  /** MIG profiles the GPU supports; empty where MIG is not available or not published. */
  readonly migProfiles: readonly MigProfile[];
  /** Whether the vendor's device plugin supports time-slicing (oversubscription) of a device. */
  readonly timeSlicing: boolean;
}

/**
 * Builds the six MIG profiles of one memory class from the table in the NVIDIA MIG user guide
 * (https://docs.nvidia.com/datacenter/tesla/mig-user-guide/#supported-mig-profiles).
 * `sizes` are the memory sizes in GB of: 1g, 1g with double memory, 2g, 3g, 4g, 7g.
 */
function migProfiles(sizes: readonly [number, number, number, number, number, number]): MigProfile[] {
  const [one, oneDouble, two, three, four, seven] = sizes;
  return [
    { name: `1g.${one}gb`, computeSlices: 1, memorySlices: 1, maxInstances: 7 },
    { name: `1g.${oneDouble}gb`, computeSlices: 1, memorySlices: 2, maxInstances: 4 },
    { name: `2g.${two}gb`, computeSlices: 2, memorySlices: 2, maxInstances: 3 },
    { name: `3g.${three}gb`, computeSlices: 3, memorySlices: 4, maxInstances: 2 },
    { name: `4g.${four}gb`, computeSlices: 4, memorySlices: 4, maxInstances: 1 },
    { name: `7g.${seven}gb`, computeSlices: 7, memorySlices: 8, maxInstances: 1 },
  ];
}

const nvidia = (
  id: string,
  displayName: string,
  memoryGb: number,
  gresType: string,
  mig: MigProfile[],
): AcceleratorModel => ({
  id,
  vendor: 'nvidia',
  displayName,
  memoryGb,
  resourceName: 'nvidia.com/gpu',
  devicesPerPackage: 1,
  gresType,
  migProfiles: mig,
  timeSlicing: true,
});

const CATALOG: readonly AcceleratorModel[] = [
  nvidia('nvidia-a100-40gb', 'NVIDIA A100 40GB', 40, 'a100', migProfiles([5, 10, 10, 20, 20, 40])),
  // Leonardo Booster's custom A100 SXM 64GB: NVIDIA publishes no MIG profile table for it, so the
  // catalog offers none and a MIG layout on it is rejected rather than guessed.
  nvidia('nvidia-a100-64gb', 'NVIDIA A100 64GB (Leonardo)', 64, 'a100', []),
  nvidia('nvidia-a100-80gb', 'NVIDIA A100 80GB', 80, 'a100', migProfiles([10, 20, 20, 40, 40, 80])),
  // MareNostrum 5 ACC's H100 SXM 64GB: no published MIG table either.
  nvidia('nvidia-h100-64gb', 'NVIDIA H100 64GB (MareNostrum 5)', 64, 'h100', []),
  nvidia('nvidia-h100-80gb', 'NVIDIA H100 80GB', 80, 'h100', migProfiles([10, 20, 20, 40, 40, 80])),
  nvidia('nvidia-h100-nvl-94gb', 'NVIDIA H100 NVL 94GB', 94, 'h100', migProfiles([12, 24, 24, 47, 47, 94])),
  nvidia('nvidia-h200-141gb', 'NVIDIA H200 141GB', 141, 'h200', migProfiles([18, 35, 35, 71, 71, 141])),
  nvidia('nvidia-gh200-96gb', 'NVIDIA GH200 96GB', 96, 'gh200', migProfiles([12, 24, 24, 48, 48, 96])),
  nvidia('nvidia-gh200-144gb', 'NVIDIA GH200 144GB', 144, 'gh200', migProfiles([18, 36, 36, 72, 72, 144])),
  nvidia('nvidia-b200', 'NVIDIA B200 180GB', 180, 'b200', migProfiles([23, 45, 45, 90, 90, 180])),
  nvidia('nvidia-gb200', 'NVIDIA GB200 186GB', 186, 'gb200', migProfiles([23, 47, 47, 93, 93, 186])),
  {
    // LUMI-G: each MI250X module holds two GCDs and the device plugin advertises each GCD as one
    // amd.com/gpu, so a 4-module node shows 8 (https://docs.lumi-supercomputer.eu/hardware/lumig/).
    id: 'amd-mi250x',
    vendor: 'amd',
    displayName: 'AMD Instinct MI250X (per GCD)',
    memoryGb: 64,
    resourceName: 'amd.com/gpu',
    devicesPerPackage: 2,
    gresType: 'mi250x',
    migProfiles: [],
    timeSlicing: false,
  },
  {
    // HLRS Hunter: 4 MI300A APUs per node, 128 GB unified HBM3 each.
    id: 'amd-mi300a',
    vendor: 'amd',
    displayName: 'AMD Instinct MI300A',
    memoryGb: 128,
    resourceName: 'amd.com/gpu',
    devicesPerPackage: 1,
    gresType: 'mi300a',
    migProfiles: [],
    timeSlicing: false,
  },
];

const BY_ID = new Map(CATALOG.map((a) => [a.id, a]));
/** Models a site declared (`registerAccelerator`, a profile's `accelerators`), after the catalog's. */
const DECLARED: AcceleratorModel[] = [];
/** Ids declared in code (`registerAccelerator`), which every profile may name. */
const REGISTERED_IN_CODE = new Set<string>();

/** Every accelerator the library knows: the catalog's, then those a site declared. */
export function acceleratorCatalog(): readonly AcceleratorModel[] {
  return [...CATALOG, ...DECLARED];
}

/** The catalog entry for `id`, or `undefined` if the catalog has none. */
export function findAccelerator(id: string): AcceleratorModel | undefined {
  return BY_ID.get(id);
}

/** The catalog entry for `id`; throws for an unknown id (validation reports it first in a site). */
export function accelerator(id: string): AcceleratorModel {
  const found = BY_ID.get(id);
  if (!found) {
    throw new Error(
      `unknown accelerator '${id}'; the catalog has: ${acceleratorCatalog()
        .map((a) => a.id)
        .join(', ')}`,
    );
  }
  return found;
}

/**
 * Why a declared accelerator model cannot be used, one line per problem; empty when it can. The
 * model must name its vendor's resource (`nvidia.com/gpu`, `amd.com/gpu`), have an id that starts
 * with the vendor (`nvidia-`, `amd-`, lower-case, digits and `-`), a GRES type Slurm accepts, and
 * sensible numbers; MIG profiles only on NVIDIA. An id the library's catalog already has is taken
 * only with the catalog's own definition.
 */
export function acceleratorProblems(model: AcceleratorModel): string[] {
  const problems: string[] = [];
  const m = model as Partial<AcceleratorModel>;
  if (m.vendor !== 'nvidia' && m.vendor !== 'amd')
    problems.push(`vendor must be 'nvidia' or 'amd', not ${JSON.stringify(m.vendor)}`);
  else {
    if (typeof m.id !== 'string' || !new RegExp(`^${m.vendor}-[a-z0-9]+(-[a-z0-9]+)*$`).test(m.id))
      problems.push(
        `id must be '${m.vendor}-<model>' in lower-case letters, digits and '-', not ${JSON.stringify(m.id)}`,
      );
    if (m.resourceName !== `${m.vendor}.com/gpu`)
      problems.push(
        `resourceName of a ${m.vendor} model is '${m.vendor}.com/gpu', not ${JSON.stringify(m.resourceName)}`,
      );
    if (m.vendor === 'amd' && (m.migProfiles ?? []).length > 0)
      problems.push('MIG profiles exist on NVIDIA GPUs only');
  }
  if (typeof m.displayName !== 'string' || m.displayName.trim() === '')
    problems.push('displayName is required');
  if (typeof m.memoryGb !== 'number' || !(m.memoryGb > 0) || m.memoryGb > 1024)
    problems.push(`memoryGb must be a number of GB from 1 to 1024, not ${JSON.stringify(m.memoryGb)}`);
  if (
    !Number.isInteger(m.devicesPerPackage) ||
    (m.devicesPerPackage as number) < 1 ||
    (m.devicesPerPackage as number) > 8
  )
    problems.push(
      `devicesPerPackage must be a whole number from 1 to 8, not ${JSON.stringify(m.devicesPerPackage)}`,
    );
  if (typeof m.gresType !== 'string' || !/^[a-z0-9][a-z0-9_]*$/.test(m.gresType))
    problems.push(
      `gresType must be lower-case letters, digits and '_' (Slurm's Gres=gpu:<type>:<n>), not ${JSON.stringify(m.gresType)}`,
    );
  if (typeof m.timeSlicing !== 'boolean') problems.push('timeSlicing must be true or false');
  (m.migProfiles ?? []).forEach((p, i) => {
    if (
      typeof p?.name !== 'string' ||
      !/^\d+g\.\d+gb$/.test(p.name) ||
      !Number.isInteger(p.computeSlices) ||
      p.computeSlices < 1 ||
      p.computeSlices > 7 ||
      !Number.isInteger(p.memorySlices) ||
      p.memorySlices < 1 ||
      p.memorySlices > 8 ||
      !Number.isInteger(p.maxInstances) ||
      p.maxInstances < 1 ||
      p.maxInstances > 7
    )
      problems.push(
        `migProfiles[${i}] must be { name: '<n>g.<m>gb', computeSlices: 1-7, memorySlices: 1-8, maxInstances: 1-7 }`,
      );
  });
  const known = typeof m.id === 'string' ? BY_ID.get(m.id) : undefined;
  if (known && problems.length === 0 && JSON.stringify(known) !== JSON.stringify(normalized(model)))
    problems.push(
      `the id '${m.id}' is ${CATALOG.includes(known) ? "the library's catalog's" : 'declared already'}, with another definition: give the model an id of its own`,
    );
  return problems;
}

/** A declared model in the catalog's shape (fields in order, MIG profiles as a list). */
function normalized(m: AcceleratorModel): AcceleratorModel {
  return {
    id: m.id,
    vendor: m.vendor,
    displayName: m.displayName,
    memoryGb: m.memoryGb,
    resourceName: m.resourceName,
    devicesPerPackage: m.devicesPerPackage,
    gresType: m.gresType,
    migProfiles: (m.migProfiles ?? []).map((p) => ({
      name: p.name,
      computeSlices: p.computeSlices,
      memorySlices: p.memorySlices,
      maxInstances: p.maxInstances,
    })),
    timeSlicing: m.timeSlicing,
  };
}

/**
 * Adds a GPU model the library's catalog does not have, for a site whose profile or constructs use
 * it (a profile's `accelerators` field does this for its own models). Throws an Error naming every
 * problem of the model (`acceleratorProblems`); declaring one model twice with the same definition
 * is fine. The library's own models are reviewed upstream: prefer asking for one to be added.
 *
 * @example
 * ```ts
 * import { registerAccelerator } from 'cdktf-ai-factory';
 *
 * registerAccelerator({
 *   id: 'nvidia-l40s',
 *   vendor: 'nvidia',
 *   displayName: 'NVIDIA L40S',
 *   memoryGb: 48,
 *   resourceName: 'nvidia.com/gpu',
 *   devicesPerPackage: 1,
 *   gresType: 'l40s',
 *   migProfiles: [],
 *   timeSlicing: true,
 * });
 * ```
 */
export function registerAccelerator(model: AcceleratorModel): AcceleratorModel {
  const entry = declareAccelerator(model);
  if (!CATALOG.includes(entry)) REGISTERED_IN_CODE.add(entry.id);
  return entry;
}

/**
 * Whether a profile may name the model `id`: the library's catalog, a model registered in code, or
 * one of the profile's own `accelerators`. A model another profile declared does not count, so that
 * validating one site never depends on which other sites were validated before it.
 */
export function acceleratorKnownTo(id: string, declared: readonly AcceleratorModel[] = []): boolean {
  const known = BY_ID.get(id);
  return (
    (known !== undefined && (CATALOG.includes(known) || REGISTERED_IN_CODE.has(id))) ||
    declared.some((m) => m?.id === id)
  );
}

/** Adds a model for synthesis (a profile's `accelerators`); see `registerAccelerator`. */
export function declareAccelerator(model: AcceleratorModel): AcceleratorModel {
  const problems = acceleratorProblems(model);
  if (problems.length > 0)
    throw new Error(`accelerator ${JSON.stringify(model?.id)} cannot be declared: ${problems.join('; ')}`);
  const known = BY_ID.get(model.id);
  if (known) return known;
  const entry = normalized(model);
  DECLARED.push(entry);
  BY_ID.set(entry.id, entry);
  return entry;
}

/** Extended resource name of one MIG profile under the GPU operator's `mixed` strategy. */
export function migResourceName(profile: string): string {
  return `nvidia.com/mig-${profile}`;
}
