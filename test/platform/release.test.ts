import { escapeTemplate, renderValues } from '../../lib/platform/release';

describe('escapeTemplate', () => {
  it('escapes Terraform interpolation and directives so values reach Helm and drivers literally', () => {
    expect(escapeTemplate('${pvc.metadata.name}/%{ if x }')).toBe('$${pvc.metadata.name}/%%{ if x }');
    expect(renderValues({ a: '${x}' })).toBe('{\n  "a": "$${x}"\n}');
  });
});
