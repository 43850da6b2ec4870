// Synthesized local-backend paths are absolute (lib/platform/state.ts). Tests pin the project root
// so that snapshots and expectations do not depend on where the repository is checked out; tests
// of the root's discovery pass their own environment.
process.env.AIF_PROJECT_ROOT ??= '/aif-project';
// Synthesis judges allocations against $AIF_DATE (synthesisDate in lib/model/allocation.ts); pinned
// so that snapshots do not change as the calendar moves. On this day no allocation of the site
// profiles or of the test fixtures has ended; tests of expiry pass their own date.
process.env.AIF_DATE ??= '2026-01-15';
