import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

// axe-core runs inside the page. It is evaluated through the DevTools protocol rather than
// added as a <script>, because the page's own Content-Security-Policy (rightly) refuses
// inline scripts and scripts from elsewhere.

const require = createRequire(import.meta.url);
let source: Promise<string> | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export async function runAxe(
  target: Page | Frame,
  exclude: string[] = [],
): Promise<AxeViolation[]> {
  source ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await target.evaluate(`${await source}\n;undefined`);
  return target.evaluate(
    async ({ tags, skip }) => {
      const axe = (globalThis as unknown as { axe: AxeApi }).axe;
      const context = skip.length > 0 ? { exclude: skip.map((s) => [s]) } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags } });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')),
      }));
    },
    { tags: WCAG_21_AA, skip: exclude },
  );
}

interface AxeApi {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{
    violations: Array<{
      id: string;
      impact: string | null;
      help: string;
      nodes: Array<{ target: string[] }>;
    }>;
  }>;
}

declare const document: unknown;
