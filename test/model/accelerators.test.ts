import { accelerator, acceleratorCatalog, findAccelerator, migResourceName } from '../../lib/model';

describe('accelerator catalog', () => {
  const required = [
    'nvidia-a100-40gb',
    'nvidia-a100-64gb',
    'nvidia-a100-80gb',
    'nvidia-h100-64gb',
    'nvidia-h100-80gb',
    'nvidia-h200-141gb',
    'nvidia-gh200-96gb',
    'nvidia-gh200-144gb',
    'nvidia-b200',
    'nvidia-gb200',
    'amd-mi250x',
    'amd-mi300a',
  ];

  it.each(required)('has %s with vendor, memory and resource name', (id) => {
    const a = accelerator(id);
    expect(a.resourceName).toBe(a.vendor === 'nvidia' ? 'nvidia.com/gpu' : 'amd.com/gpu');
    expect(a.memoryGb).toBeGreaterThan(0);
  });

  it('has unique ids', () => {
    const ids = acceleratorCatalog().map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('counts MI250X per GCD: two per module, 64 GB each', () => {
    const mi = accelerator('amd-mi250x');
    expect(mi.devicesPerPackage).toBe(2);
    expect(mi.memoryGb).toBe(64);
    expect(mi.migProfiles).toEqual([]);
  });

  it.each([
    ['nvidia-a100-40gb', ['1g.5gb', '1g.10gb', '2g.10gb', '3g.20gb', '4g.20gb', '7g.40gb']],
    ['nvidia-a100-80gb', ['1g.10gb', '1g.20gb', '2g.20gb', '3g.40gb', '4g.40gb', '7g.80gb']],
    ['nvidia-h200-141gb', ['1g.18gb', '1g.35gb', '2g.35gb', '3g.71gb', '4g.71gb', '7g.141gb']],
    ['nvidia-gh200-144gb', ['1g.18gb', '1g.36gb', '2g.36gb', '3g.72gb', '4g.72gb', '7g.144gb']],
    ['nvidia-b200', ['1g.23gb', '1g.45gb', '2g.45gb', '3g.90gb', '4g.90gb', '7g.180gb']],
    ['nvidia-gb200', ['1g.23gb', '1g.47gb', '2g.47gb', '3g.93gb', '4g.93gb', '7g.186gb']],
  ])('%s has the MIG profiles of the NVIDIA table', (id, names) => {
    expect(accelerator(id).migProfiles.map((p) => p.name)).toEqual(names);
  });

  it('knows the instance limits and slices of each profile', () => {
    const byName = Object.fromEntries(accelerator('nvidia-a100-40gb').migProfiles.map((p) => [p.name, p]));
    expect(byName['1g.5gb']).toMatchObject({ maxInstances: 7, computeSlices: 1, memorySlices: 1 });
    expect(byName['1g.10gb']).toMatchObject({ maxInstances: 4, computeSlices: 1, memorySlices: 2 });
    expect(byName['2g.10gb']).toMatchObject({ maxInstances: 3, computeSlices: 2 });
    expect(byName['3g.20gb']).toMatchObject({ maxInstances: 2, computeSlices: 3 });
    expect(byName['7g.40gb']).toMatchObject({ maxInstances: 1, computeSlices: 7, memorySlices: 8 });
  });

  it('offers no MIG profiles for the custom 64 GB parts, whose tables are unpublished', () => {
    expect(accelerator('nvidia-a100-64gb').migProfiles).toEqual([]);
    expect(accelerator('nvidia-h100-64gb').migProfiles).toEqual([]);
  });

  it('names unknown ids and lists the catalog', () => {
    expect(findAccelerator('nvidia-v100')).toBeUndefined();
    expect(() => accelerator('nvidia-v100')).toThrow(/unknown accelerator 'nvidia-v100'.*nvidia-a100-40gb/);
  });

  it('names MIG resources as the mixed strategy does', () => {
    expect(migResourceName('1g.10gb')).toBe('nvidia.com/mig-1g.10gb');
  });
});
