/** A failure reading one input: carries the pipeline stage for `--errors` reports. */
export class IngestError extends Error {
  constructor(
    readonly stage: 'read' | 'ingest' | 'layout' | 'parse' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

/** A file system error in words, for the one-line report of an input that cannot be read. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return (err as Error)?.message ?? String(err);
  }
}
