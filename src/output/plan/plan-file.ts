import * as path from 'path';
import { failApp } from '../../core/errors';
import { QdrantOutputError } from '../writer/output-error';
import { canonicalPath, realTarget } from '../writer/output-writer';
import { writeFileAtomically } from '../writer/single-file';
import { Plan } from './plan';
import { planJson, planMarkdown } from './plan-report';

/** Environment variable naming the plan file (a pull-request check sets it). */
export const PLAN_FILE_ENV = 'QDRANT_PLAN_FILE';

/** Refuses a plan file inside the output directory (git would see it change on every synth) or not ending in `.md`. */
export function checkPlanFile(planFile: string, outdir: string): void {
  if (!planFile.endsWith('.md')) {
    failApp('planFile', planFile, `a Markdown file name ending in .md (the JSON plan is written beside it, ${jsonFileOf(planFile.replace(/\.[^./]*$/, '') + '.md')}); $${PLAN_FILE_ENV} sets it too`);
  }
  const output = canonicalPath(realTarget(outdir));
  const file = canonicalPath(planFile);
  if (file === output || file.startsWith(output + path.sep)) {
    failApp('planFile', planFile, `a path outside the output directory ${outdir}: the output is replaced on every synth and committed, so a plan in it would churn in git`);
  }
}

/** Writes the plan as Markdown to `planFile` and as JSON beside it, each through a fresh temporary file and one rename. */
export function writePlanFiles(planFile: string, plan: Plan): void {
  writeAtomically(planFile, planMarkdown(plan), plan.output);
  writeAtomically(jsonFileOf(planFile), planJson(plan), plan.output);
}

function jsonFileOf(markdownFile: string): string {
  return `${markdownFile.slice(0, -'.md'.length)}.json`;
}

function writeAtomically(file: string, content: string, outdir: string): void {
  try {
    writeFileAtomically(file, content, '.qdrant-plan-');
  } catch (err) {
    throw new QdrantOutputError('write the plan to', file, err, `the output ${outdir} was written; only the plan file is missing (synthesise again once the path is writable)`);
  }
}
