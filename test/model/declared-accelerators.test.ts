import { AiFactorySite } from '../../lib';
import { acceleratorCatalog, registerAccelerator, siteIssues, type AcceleratorModel } from '../../lib/model';
import { helmValues, resources, sampleProfile, synth, testApp } from '../helpers';

const L40S: AcceleratorModel = {
  id: 'nvidia-l40s',
  vendor: 'nvidia',
  displayName: 'NVIDIA L40S',
  memoryGb: 48,
  resourceName: 'nvidia.com/gpu',
  devicesPerPackage: 1,
  gresType: 'l40s',
  migProfiles: [],
  timeSlicing: true,
};

describe('a GPU model of the site, declared in its profile (issue 17, item 13)', () => {
  const base = sampleProfile();
  const profile = sampleProfile({
    accelerators: [L40S],
    nodePools: [{ ...base.nodePools[0], name: 'l40s', accelerator: 'nvidia-l40s' }, base.nodePools[1]],
    tenants: [{ ...base.tenants[0], gpus: [{ pool: 'l40s', count: 8 }] }, base.tenants[1]],
  });

  it('validates and synthesizes a pool of it', () => {
    expect(siteIssues(profile)).toEqual([]);
    const site = new AiFactorySite(testApp(), profile);
    const labels = Object.values(resources(synth(site.platform), 'kubernetes_labels')).map((l) => l.labels);
    expect(labels).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          'node-restriction.kubernetes.io/ai-factory.eu-accelerator': 'nvidia-l40s',
        }),
      ]),
    );
    expect(acceleratorCatalog().map((a) => a.id)).toContain('nvidia-l40s');
    expect(helmValues).toBeDefined();
  });

  it('refuses a model that cannot be right, and a catalog id with another definition', () => {
    const bad = sampleProfile({
      accelerators: [
        { ...L40S, id: 'L40S', resourceName: 'amd.com/gpu' as never },
        { ...L40S, id: 'nvidia-a100-80gb', memoryGb: 81 },
      ],
    });
    const issues = siteIssues(bad).map((i) => `${i.code} ${i.path}: ${i.message}`);
    expect(issues).toEqual([
      expect.stringMatching(
        /^VALUE_INVALID accelerators\[0\]: the accelerator model cannot be declared: id must be 'nvidia-<model>'.*resourceName of a nvidia model is 'nvidia.com\/gpu'/,
      ),
      expect.stringMatching(
        /^VALUE_INVALID accelerators\[1\]: .*the id 'nvidia-a100-80gb' is the library's catalog's, with another definition/,
      ),
    ]);
    // The catalog's own definition may be repeated.
    const same = acceleratorCatalog().find((a) => a.id === 'nvidia-a100-80gb')!;
    expect(registerAccelerator({ ...same })).toBe(same);
  });

  it("never lends one site's declared model to another site (review of issue 17)", () => {
    expect(siteIssues(profile)).toEqual([]);
    const other = sampleProfile({
      name: 'other',
      nodePools: [{ ...base.nodePools[0], accelerator: 'nvidia-l40s' }, base.nodePools[1]],
    });
    expect(siteIssues(other).map((i) => i.code)).toContain('ACCELERATOR_UNKNOWN');
  });

  it('tells an operator with an unknown model how to declare it', () => {
    const unknown = sampleProfile({
      nodePools: [{ ...base.nodePools[0], accelerator: 'nvidia-rtx-pro-6000' }, base.nodePools[1]],
    });
    expect(siteIssues(unknown).find((i) => i.code === 'ACCELERATOR_UNKNOWN')?.fix).toMatch(
      /or declare the model in the profile's accelerators \(docs\/profile\.md#accelerators\)$/,
    );
  });
});
