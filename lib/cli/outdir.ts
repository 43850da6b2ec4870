/**
 * What must outlive a synthesis that replaces `cdktf.out/`: Terraform state (never there: synthesis
 * refuses to delete an output that holds any), each stack's provider lock file (kept in the
 * project's `locks/` directory, which is committed), and each stack's `.terraform/` directory
 * (downloaded providers and the initialised backend, carried over so that a re-synthesis does not
 * force a new `terraform init`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatIssue } from '../model';
import { LOCKS_DIRECTORY, projectRoot, stateFilesIn } from '../platform/state';

const LOCK_FILE = '.terraform.lock.hcl';

/**
 * One problem line per Terraform state file inside `outdir`, each saying where to move it; empty
 * when there is none. Synthesis must not delete such an output: the state is the only record of
 * what Terraform created.
 */
export function stateInOutputProblems(outdir: string, root: string = projectRoot()): string[] {
  const shown = path.relative(process.cwd(), outdir) || '.';
  return stateFilesIn(outdir).map((file) => {
    const target = path.relative(process.cwd(), path.join(root, 'state')) || '.';
    return `${shown}: ${formatIssue({
      code: 'STATE_IN_OUTPUT',
      path: file,
      received: path.join(shown, file),
      message:
        'Terraform state lies inside the synthesized output, which synthesis replaces; nothing was synthesized',
      fix: `move it where the stacks now point, then synthesize again: mkdir -p ${target} && mv ${path.join(shown, file)} ${target}/`,
    })}`;
  });
}

/** The stack directories of an output (`<outdir>/stacks/*`), by name. */
function stackDirs(outdir: string): string[] {
  const dir = path.join(outdir, 'stacks');
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** `locks/<stack>.terraform.lock.hcl` under the project root. */
export function committedLockPath(root: string, stack: string): string {
  return path.join(root, LOCKS_DIRECTORY, `${stack}${LOCK_FILE}`);
}

/**
 * Saves the lock file of every stack of an output into `locks/` when Terraform wrote a newer one
 * there (`terraform init` after a provider upgrade, or the first init of a new stack). A committed
 * lock file that is newer (a `git pull`) wins.
 */
export function saveLockFiles(outdir: string, root: string = projectRoot()): string[] {
  const saved: string[] = [];
  for (const stack of stackDirs(outdir)) {
    const inOutput = path.join(outdir, 'stacks', stack, LOCK_FILE);
    if (!fs.existsSync(inOutput)) continue;
    const committed = committedLockPath(root, stack);
    const text = fs.readFileSync(inOutput, 'utf8');
    if (fs.existsSync(committed)) {
      if (fs.readFileSync(committed, 'utf8') === text) continue;
      if (fs.statSync(committed).mtimeMs >= fs.statSync(inOutput).mtimeMs) continue;
    }
    fs.mkdirSync(path.dirname(committed), { recursive: true });
    fs.writeFileSync(committed, text);
    saved.push(stack);
  }
  return saved;
}

/**
 * Prepares a freshly synthesized output (`next`, which may be `previous` itself when the cdktf CLI
 * synthesizes in place): saves the previous output's lock files, copies the committed lock file of
 * each stack into it, and moves each stack's `.terraform/` directory over from `previous`.
 */
export function carryOverWorkingFiles(previous: string, next: string, root: string = projectRoot()): void {
  saveLockFiles(previous, root);
  for (const stack of stackDirs(next)) {
    const dir = path.join(next, 'stacks', stack);
    const committed = committedLockPath(root, stack);
    if (fs.existsSync(committed)) {
      const target = path.join(dir, LOCK_FILE);
      const text = fs.readFileSync(committed, 'utf8');
      if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) fs.writeFileSync(target, text);
    }
    const oldWork = path.join(previous, 'stacks', stack, '.terraform');
    const newWork = path.join(dir, '.terraform');
    if (
      path.resolve(oldWork) !== path.resolve(newWork) &&
      fs.existsSync(oldWork) &&
      !fs.existsSync(newWork)
    ) {
      fs.renameSync(oldWork, newWork);
    }
  }
}

/**
 * Removes the synthesized stacks and manifest of an output directory (after saving their lock
 * files), so that a failed synthesis leaves nothing stale to deploy: used where the output is not
 * replaced as a whole (a profile that does not load, and the cdktf CLI's own directory). Refuses
 * while the directory holds Terraform state, returning the STATE_IN_OUTPUT lines; else none.
 */
export function clearSynthesizedStacks(outdir: string, root: string = projectRoot()): string[] {
  const state = stateInOutputProblems(outdir, root);
  if (state.length > 0) return state;
  saveLockFiles(outdir, root);
  fs.rmSync(path.join(outdir, 'stacks'), { recursive: true, force: true });
  fs.rmSync(path.join(outdir, 'manifest.json'), { force: true });
  return [];
}

/**
 * Removes an output's manifest (`manifest.json`), which is what `cdktf deploy` reads to find the
 * stacks: without it nothing of a failed synthesis can be deployed, also when the stacks themselves
 * must stay because Terraform state lies among them.
 */
export function removeManifest(outdir: string): void {
  fs.rmSync(path.join(outdir, 'manifest.json'), { force: true });
}

/**
 * Whether a loading problem is a usage or environment slip (no such sites directory, none of its
 * files a profile, TypeScript missing) rather than a problem of a profile: the profiles did not
 * change, so the last good output stays.
 */
export function isUsageProblem(line: string): boolean {
  return /\[(SITES_DIR_MISSING|PROFILES_NONE|TYPESCRIPT_MISSING)\]/.test(line);
}
