import type { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Construct } from 'constructs';
import { MANAGED_BY } from '../model/names';
import { pinAddress } from './ids';
import { admissionRule } from './policy-parts';
import { providerClasses } from '../private/provider-classes';

export interface DenyPolicyProps {
  /** Name of the ValidatingAdmissionPolicy and of its binding. */
  readonly name: string;
  /**
   * The policy's `spec` (matchConstraints, variables, validations). Its `failurePolicy` is `Fail`:
   * a policy whose check errs refuses the request rather than letting it through.
   */
  readonly spec: Record<string, unknown>;
  /** Stable parts of the Terraform addresses (`<parts>_policy`, `<parts>_binding`). */
  readonly address: readonly string[];
}

/**
 * A ValidatingAdmissionPolicy with a binding that denies what it rejects. The API is built into
 * Kubernetes 1.30+, so such policies live in the platform stack without a CRD.
 * https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
export class DenyPolicy extends Construct {
  public readonly policy: Manifest;
  public readonly binding: Manifest;

  constructor(scope: Construct, id: string, props: DenyPolicyProps) {
    super(scope, id);
    this.policy = new providerClasses.Manifest(this, 'policy', {
      manifest: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicy',
        metadata: { name: props.name, labels: { ...MANAGED_BY } },
        spec: { failurePolicy: 'Fail', ...props.spec },
      },
    });
    pinAddress(this.policy, ...props.address, 'policy');
    this.binding = new providerClasses.Manifest(this, 'binding', {
      manifest: {
        apiVersion: 'admissionregistration.k8s.io/v1',
        kind: 'ValidatingAdmissionPolicyBinding',
        metadata: { name: props.name, labels: { ...MANAGED_BY } },
        spec: { policyName: props.name, validationActions: ['Deny'] },
      },
      dependsOn: [this.policy],
    });
    pinAddress(this.binding, ...props.address, 'binding');
  }
}

/** Admission rules that match CREATE and UPDATE of each kind, at any version of its API group. */
export function createOrUpdateRules(
  kinds: ReadonlyArray<{ apiGroup: string; resource: string }>,
): Array<Record<string, string[]>> {
  return kinds.map((r) => admissionRule(r.apiGroup, ['CREATE', 'UPDATE'], [r.resource], '*'));
}

/**
 * CEL: whether a resource quantity (a string such as `'2'`, `'0.5'` or `'0'`, or a number) is above
 * zero: a non-zero digit before anything that is not a digit or the point. A request of `0` asks for
 * nothing: the scheduler does not look for the resource, so it keeps the pod on no particular node.
 */
export function celPositiveQuantity(value: string): string {
  return `string(${value}).matches('^[+]?0*[.]?0*[1-9]')`;
}
