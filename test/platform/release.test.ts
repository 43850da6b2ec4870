import { escapeTemplate, renderValues } from '../../lib/platform/release';
import { pinImages } from '../../lib/platform/images';
import type { TfJson } from '../helpers';

describe('escapeTemplate', () => {
  it('escapes Terraform interpolation and directives so values reach Helm and drivers literally', () => {
    expect(escapeTemplate('${pvc.metadata.name}/%{ if x }')).toBe('$${pvc.metadata.name}/%%{ if x }');
    expect(renderValues({ a: '${x}' })).toBe('{\n  "a": "$${x}"\n}');
  });
});

describe('pinImages', () => {
  it("pins every floating chart default and keeps a caller's image", () => {
    const values = {
      nodesets: { booster: { slurmd: {} } },
      controller: { logfile: { image: { tag: '3.21.3' } } },
    };
    const pinned = pinImages('slurm', values) as TfJson;
    expect(pinned.controller.logfile.image).toEqual({
      repository: 'docker.io/library/alpine',
      tag: '3.21.3',
    });
    // Node sets inherit nodesetDefaults, where the pin goes.
    expect(pinned.nodesetDefaults.logfile.image.tag).toBe('3.22.2');
    expect(pinned.nodesets).toEqual({ booster: { slurmd: {} } });
    // The caller's object is left as it was.
    expect(values.nodesets.booster).toEqual({ slurmd: {} });
    const amd = pinImages('amd-gpu-operator', {
      deviceConfig: { spec: { devicePlugin: { devicePluginImage: 'registry.site.example/dp:1.2.3' } } },
    }) as TfJson;
    expect(amd.deviceConfig.spec.devicePlugin).toEqual({
      devicePluginImage: 'registry.site.example/dp:1.2.3',
      nodeLabellerImage: 'docker.io/rocm/k8s-device-plugin:labeller-1.31.0.9',
    });
    expect(pinImages('cert-manager', { crds: { enabled: true } })).toEqual({ crds: { enabled: true } });
  });
});
