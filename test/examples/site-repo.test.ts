import { Testing } from 'cdktf';
import { TeachingClusterStack } from '../../examples/site-repo/main';
import { helmValues, one, resources, type TfJson } from '../helpers';

describe('examples/site-repo', () => {
  const app = Testing.app({ stackTraces: false });
  const stack = new TeachingClusterStack(app, 'teaching');
  const json = JSON.parse(Testing.synth(stack)) as TfJson;

  it('composes a MIG pool, the GPU operator and two tenants in one stack without a profile', () => {
    expect(Object.keys(resources(json, 'kubernetes_node_taint')).sort()).toEqual([
      'pool_h100-mig_taint_gpu01',
      'pool_h100-mig_taint_gpu02',
    ]);
    const parted = JSON.parse(helmValues(json, 'gpu-operator').migManager.config.data['config.yaml']);
    expect(parted['mig-configs']['aif-h100-mig'][0]['mig-devices']).toEqual({ '1g.10gb': 2, '3g.40gb': 1 });
    expect(Object.keys(resources(json, 'kubernetes_namespace_v1')).sort()).toEqual([
      'namespace_gpu-operator',
      'tenant_course-llm_namespace',
      'tenant_course-vision_namespace',
    ]);
  });

  it('gives each course its MIG slices and nothing else', () => {
    const hard = one(json, 'kubernetes_resource_quota_v1', 'tenant-quota', 'tenant_course-llm_namespace').spec
      .hard;
    expect(hard['requests.nvidia.com/mig-1g.10gb']).toBe('8');
    expect(hard['requests.nvidia.com/mig-3g.40gb']).toBe('0');
  });
});
