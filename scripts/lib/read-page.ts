// Reads a page for the command-line tools: HTML through linkedom (the same
// extraction code the content script runs), anything else as plain text.
import { readFileSync, statSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractPageText, type PageText } from '../../lib/extract/page-text';
import { plainPageText } from '../../lib/extract/plain-text';

export const MAX_BYTES = 16 * 1024 * 1024;

export class PageError extends Error {}

function looksBinary(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > sample.length * 0.05;
}

export function pageFromSource(source: string, isHtml: boolean): PageText {
  if (!isHtml) return plainPageText(source);
  const { document } = parseHTML(source);
  return extractPageText(document as unknown as Document);
}

function isHtmlSource(name: string, source: string): boolean {
  if (/\.x?html?$/i.test(name)) return true;
  if (/\.txt$/i.test(name)) return false;
  return /^\s*(<!doctype html|<html|<head|<body|<!--)/i.test(source) || /<\/(p|div|body)>/i.test(source.slice(0, 20000));
}

/** Reads FILE (or standard input for "-"); throws PageError with a reader-facing message. */
export function readPage(file: string): PageText {
  let bytes: Buffer;
  try {
    if (file !== '-') {
      const stat = statSync(file);
      if (stat.isDirectory()) throw new PageError('is a directory');
      if (stat.size > MAX_BYTES) {
        throw new PageError(`too large (${(stat.size / 1048576).toFixed(1)} MB; the limit is ${MAX_BYTES / 1048576} MB)`);
      }
    }
    bytes = readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    if (error instanceof PageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new PageError('no such file');
    if (code === 'EACCES' || code === 'EPERM') throw new PageError('permission denied');
    throw new PageError(`cannot be read (${code ?? (error as Error).message})`);
  }
  if (bytes.length > MAX_BYTES) throw new PageError(`too large (more than ${MAX_BYTES / 1048576} MB)`);
  if (bytes.length === 0 || bytes.toString('utf8').trim() === '') throw new PageError('is empty');
  if (looksBinary(bytes)) throw new PageError('is not text (looks binary)');
  const source = bytes.toString('utf8');
  return pageFromSource(source, isHtmlSource(file, source));
}
