import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import * as yazl from 'yazl';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config';
import { ContentOrigin } from '../../src/modules/content/content-origin';
import { signContentToken, type ContentGrant } from '../../src/modules/content/content-tokens';

/** The real packages of shared/scorm-samples (never edited to make a test pass). */
export const SAMPLES_DIR = resolve(__dirname, '../../../../../shared/scorm-samples');
export const sample = (name: string) => join(SAMPLES_DIR, name);

export const configOf = (app: INestApplication) => app.get<AppConfig>(APP_CONFIG);

/** The content origin's request listener: supertest drives it without a port. */
export const contentOrigin = (app: INestApplication) => request(app.get(ContentOrigin).handler);

export const signFor = (app: INestApplication, grant: ContentGrant) => signContentToken(configOf(app).content.tokenSecret, grant);

export const packagePath = (courseId: string, activityId: string, suffix = '') => `/api/courses/${courseId}/activities/${activityId}/package${suffix}`;

/** Uploads a zip (a path or bytes) as the portal does: multipart, field `file`. */
export function uploadPackage(agent: TestAgent, courseId: string, activityId: string, zip: string | Buffer, suffix = '') {
  return agent.post(packagePath(courseId, activityId, suffix)).attach('file', zip, typeof zip === 'string' ? undefined : 'paket.zip');
}

/** The path and query the API's launch URL points at on the content origin. */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/** Every file under `dir`, relative, sorted, with its size: what a refused upload must not change. */
export function treeOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(d, name);
      const info = statSync(path);
      if (info.isDirectory()) walk(path);
      else out.push(`${relative(dir, path)} ${info.size}`);
    }
  };
  walk(dir);
  return out.sort();
}

export interface ZipSpec {
  name: string;
  content?: string | Buffer;
  /** Unix mode, e.g. 0o120777 for a symbolic link. */
  mode?: number;
  compress?: boolean;
}

/**
 * Builds a zip with yazl. yazl refuses hostile names, so `renames` patches same-length
 * placeholder names into the finished bytes (local header and central directory alike).
 */
export async function buildZip(files: ZipSpec[], renames: Record<string, string> = {}): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const file of files) {
    const options = { ...(file.mode === undefined ? {} : { mode: file.mode }), ...(file.compress === undefined ? {} : { compress: file.compress }) };
    if (file.name.endsWith('/')) zip.addEmptyDirectory(file.name, options);
    else zip.addBuffer(Buffer.from(file.content ?? ''), file.name, options);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  let buffer = Buffer.concat(chunks);
  for (const [placeholder, name] of Object.entries(renames)) {
    const from = Buffer.from(placeholder);
    const to = Buffer.from(name);
    if (from.length !== to.length) throw new Error(`rename ${placeholder} → ${name} must keep the length`);
    let found = false;
    for (let at = buffer.indexOf(from); at !== -1; at = buffer.indexOf(from, at + from.length)) {
      to.copy(buffer, at);
      found = true;
    }
    if (!found) throw new Error(`placeholder ${placeholder} not found`);
  }
  return buffer;
}

/**
 * Makes the zip claim `size` uncompressed bytes for `name` in both headers: a bomb whose real
 * size only shows while it is being inflated.
 */
export function lieAboutSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const target = Buffer.from(name);
  for (let at = 0; at < out.length - 4; at += 1) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50 && out.subarray(at + 30, at + 30 + out.readUInt16LE(at + 26)).equals(target)) out.writeUInt32LE(size, at + 22);
    if (signature === 0x02014b50 && out.subarray(at + 46, at + 46 + out.readUInt16LE(at + 28)).equals(target)) out.writeUInt32LE(size, at + 24);
  }
  return out;
}

/** A small valid SCORM 1.2 package: a manifest and one launch page. */
export function aScormManifest(launch = 'index.html'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="UJI" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG"><organization identifier="ORG"><title>Kursus Uji</title>
    <item identifier="I1" identifierref="R1"><title>Pelajaran 1</title></item>
  </organization></organizations>
  <resources><resource identifier="R1" type="webcontent" adlcp:scormtype="sco" href="${launch}"><file href="${launch}"/></resource></resources>
</manifest>`;
}

/** A real 1×1 PNG. */
export const A_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
