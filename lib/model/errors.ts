/**
 * Validation problems of a site profile. Every problem carries a stable code (safe to match on in
 * scripts and tests), the path of the offending value, the value received, and how to fix it.
 */

export type IssueCode =
  | 'NAME_INVALID'
  | 'NAME_DUPLICATE'
  | 'COUNT_NOT_POSITIVE'
  | 'ACCELERATOR_UNKNOWN'
  | 'NODE_SELECTION_INVALID'
  | 'HOSTLIST_INVALID'
  | 'NODE_IN_TWO_POOLS'
  | 'LABEL_INVALID'
  | 'TAINT_INVALID'
  | 'MIG_UNSUPPORTED'
  | 'MIG_PROFILE_UNKNOWN'
  | 'MIG_INSTANCES_EXCEEDED'
  | 'MIG_LAYOUT_OVERFLOW'
  | 'TIME_SLICING_UNSUPPORTED'
  | 'TENANT_GPU_UNAVAILABLE'
  | 'POOL_OVERCOMMITTED'
  | 'QUANTITY_INVALID'
  | 'GROUPS_MISSING'
  | 'CIDR_INVALID'
  | 'CONNECTION_INVALID'
  | 'VALUE_INVALID'
  | 'RBAC_RULE_FORBIDDEN'
  | 'TIME_SLICING_SHARED'
  | 'GRANT_AMOUNT_INVALID'
  | 'ALLOCATION_MISSING'
  | 'PROJECT_ID_INVALID'
  | 'DATE_INVALID'
  | 'SYNTHESIS_DATE_INVALID'
  | 'PERIOD_INVALID'
  | 'DURATION_NOT_ALLOWED'
  | 'BUDGET_OUTSIDE_MODE'
  | 'SHARE_EXCEEDS_MODE'
  | 'TENANT_SHARE_EXCEEDS_POOL'
  | 'ACCESS_MODE_NOT_OFFERED'
  | 'STORAGE_TIER_UNKNOWN'
  | 'STORAGE_OVERCOMMITTED'
  | 'DEFAULT_CLASS_DUPLICATE'
  | 'DRIVER_PARAMETER_INVALID'
  | 'STORAGE_MODE_UNSUPPORTED'
  | 'VOLUME_OVER_QUOTA'
  | 'NFS_PATH_REUSABLE'
  // schedulers (lib/model/scheduling.ts)
  | 'SCHEDULER_POOL_UNKNOWN'
  | 'SCHEDULER_NODES_EXCEEDED'
  | 'TENANT_QUOTA_EXCEEDS_SHARE'
  | 'TENANT_UNKNOWN'
  | 'BORROWING_WITHOUT_COHORT'
  | 'SECRET_REF_MISSING'
  | 'SLURM_POOL_UNSUPPORTED'
  | 'SLURM_ACCOUNTING_REQUIRED'
  | 'SLURM_ADDRESSES_REQUIRED'
  // air-gapped mirror (checkMirror in lib/model/validate.ts)
  | 'MIRROR_URL_INVALID'
  | 'MIRROR_REGISTRY_INVALID'
  | 'MIRROR_CREDENTIALS_INVALID'
  // day 2: state and tenant lifecycle
  | 'STATE_INSIDE_OUTPUT'
  | 'STATE_IN_OUTPUT'
  | 'RETIRED_STORAGE_UNKNOWN'
  | 'TENANT_NAME_RETIRED'
  | 'TENANT_OUTSIDE_SITE'
  | 'FIELD_UNKNOWN';

export interface ValidationIssue {
  readonly code: IssueCode;
  /** Path of the offending value in the profile, e.g. `tenants[2].gpus[0].count`. */
  readonly path: string;
  /** What was received (rendered with JSON.stringify in messages). */
  readonly received: unknown;
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
}

function render(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** One line per problem: `[CODE] path: message (received: value). Fix: fix`. */
export function formatIssue(issue: ValidationIssue): string {
  return `[${issue.code}] ${issue.path}: ${issue.message} (received: ${render(issue.received)}). Fix: ${issue.fix}`;
}

/** Thrown with every problem of a profile (or of a construct's props) at once. */
export class ValidationError extends Error {
  public readonly issues: readonly ValidationIssue[];

  constructor(subject: string, issues: readonly ValidationIssue[]) {
    super(
      `${subject} has ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((i) => `  ${formatIssue(i)}`).join('\n'),
    );
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** Collects issues while a validator walks a profile. */
export class IssueCollector {
  private readonly found: ValidationIssue[] = [];

  add(code: IssueCode, path: string, received: unknown, message: string, fix: string): void {
    this.found.push({ code, path, received, message, fix });
  }

  get issues(): readonly ValidationIssue[] {
    return this.found;
  }

  /** Throws a ValidationError naming `subject` if anything was found. */
  throwIfAny(subject: string): void {
    if (this.found.length > 0) throw new ValidationError(subject, this.found);
  }
}
