#!/usr/bin/env node
/**
 * Build the store packages: dist/secondlook-chrome.zip (Chrome, Edge) and
 * dist/secondlook-firefox.zip (Firefox), each with its browser's manifest.
 * Usage: node scripts/package.mjs [output directory, default ../dist]
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';
import { manifestFor } from './manifests.mjs';

const SOURCE = fileURLToPath(new URL('..', import.meta.url));
const SHIPPED = ['managed_schema.json', 'background', 'content', 'shared', 'options', 'icons'];
const TARGETS = ['chrome', 'firefox'];

async function build(target, manifest, outDir) {
  const stage = await mkdtemp(join(tmpdir(), `secondlook-${target}-`));
  try {
    for (const entry of SHIPPED) await cp(join(SOURCE, entry), join(stage, entry), { recursive: true });
    await writeFile(join(stage, 'manifest.json'), `${JSON.stringify(manifestFor(manifest, target), null, 2)}\n`);
    const filename = `secondlook-${target}.zip`;
    await webExt.cmd.build({ sourceDir: stage, artifactsDir: outDir, filename, overwriteDest: true }, { shouldExitProgram: false });
    return join(outDir, filename);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

const outDir = resolve(process.argv[2] ?? join(SOURCE, '..', 'dist'));
const manifest = JSON.parse(await readFile(join(SOURCE, 'manifest.json'), 'utf8'));
for (const target of TARGETS) console.log(await build(target, manifest, outDir));
