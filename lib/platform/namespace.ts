import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { Construct } from 'constructs';
import { pinAddress } from './ids';

export interface SystemNamespaceProps {
  readonly name: string;
  /**
   * Pod Security level. Operators that load drivers or mount host paths (GPU operators, CSI node
   * plugins) need `privileged`; nothing else should.
   * @default 'privileged'
   */
  readonly podSecurity?: 'privileged' | 'baseline' | 'restricted';
  /** @default - no extra labels */
  readonly labels?: Record<string, string>;
}

/** A namespace for a platform component, with its Pod Security level stated in code. */
export class SystemNamespace extends Construct {
  public readonly name: string;
  public readonly namespace: NamespaceV1;

  constructor(scope: Construct, id: string, props: SystemNamespaceProps) {
    super(scope, id);
    this.name = props.name;
    const level = props.podSecurity ?? 'privileged';
    this.namespace = new NamespaceV1(this, 'namespace', {
      metadata: {
        name: props.name,
        labels: {
          'app.kubernetes.io/managed-by': 'cdktf-ai-factory',
          'pod-security.kubernetes.io/enforce': level,
          ...props.labels,
        },
      },
    });
    pinAddress(this.namespace, 'namespace', props.name);
  }
}
