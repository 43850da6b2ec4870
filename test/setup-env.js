// Synthesized local-backend paths are absolute (lib/platform/state.ts). Tests pin the project root
// so that snapshots and expectations do not depend on where the repository is checked out; tests
// of the root's discovery pass their own environment.
process.env.AIF_PROJECT_ROOT ??= '/aif-project';
