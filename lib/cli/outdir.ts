import * as fs from 'fs';
import * as path from 'path';

/**
 * Whether a directory holds Terraform state (`*.tfstate`, `*.tfstate.backup`) anywhere below it.
 * State is the one thing in an output directory that synthesis cannot recreate: losing it makes
 * Terraform forget what it deployed. `.terraform/` is skipped (providers, no state of ours).
 */
export function stateFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.terraform') walk(p);
      } else if (/\.tfstate(\.backup)?$/.test(e.name)) {
        found.push(p);
      }
    }
  };
  walk(dir);
  return found.sort();
}

/** Whether `dir` holds Terraform state anywhere below it (see `stateFiles`). */
export function hasStateFiles(dir: string): boolean {
  return stateFiles(dir).length > 0;
}

/** The one-line coded refusal to remove a directory that holds state. */
export function stateRefusal(dir: string, files: readonly string[]): string {
  const shown = path.relative(process.cwd(), dir) || '.';
  return (
    `[STATE_IN_OUTDIR] ${shown}: holds Terraform state (${files.map((f) => path.relative(dir, f)).join(', ')}), so it was not removed. ` +
    'Fix: move the state out of the output directory (e.g. `mv <file> .` next to cdktf.json, which is where the ' +
    "profile's local backend keeps it) or migrate it to a remote backend, then run again"
  );
}

/**
 * Removes the synthesized stacks and manifest of an output directory, so that a failed synthesis
 * leaves nothing stale to deploy. Refuses (returns the coded message) if the directory holds state.
 */
export function clearSynthesizedStacks(outdir: string): string | undefined {
  const state = stateFiles(outdir);
  if (state.length > 0) return stateRefusal(outdir, state);
  fs.rmSync(path.join(outdir, 'stacks'), { recursive: true, force: true });
  fs.rmSync(path.join(outdir, 'manifest.json'), { force: true });
  return undefined;
}
