import { Construct } from 'constructs';
import { DenyPolicy } from '../platform/admission';
import { LABEL_PREFIX } from '../platform/ids';

/**
 * Cluster-wide guard rails for tenant namespaces that RBAC and quotas cannot express, as a
 * ValidatingAdmissionPolicy (built into Kubernetes 1.30+, so it lives in the platform stack):
 *
 * - no Service with `spec.externalIPs`: anyone who may create Services could otherwise intercept
 *   traffic to any IP address of the cluster (CVE-2020-8554,
 *   https://github.com/kubernetes/kubernetes/issues/97076). The quota already keeps tenants from
 *   NodePort and LoadBalancer Services.
 *
 * https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/
 */
export class TenantGuardrails extends Construct {
  public static readonly POLICY_NAME = 'aif-tenant-services';

  constructor(scope: Construct, id: string) {
    super(scope, id);
    new DenyPolicy(this, 'services', {
      name: TenantGuardrails.POLICY_NAME,
      address: ['tenant_guardrails', 'services'],
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          namespaceSelector: { matchExpressions: [{ key: `${LABEL_PREFIX}/tenant`, operator: 'Exists' }] },
          resourceRules: [
            {
              apiGroups: [''],
              apiVersions: ['v1'],
              operations: ['CREATE', 'UPDATE'],
              resources: ['services'],
            },
          ],
        },
        validations: [
          {
            expression: '!has(object.spec.externalIPs) || size(object.spec.externalIPs) == 0',
            message: 'Services in tenant namespaces may not set spec.externalIPs (CVE-2020-8554)',
            reason: 'Forbidden',
          },
        ],
      },
    });
  }
}
