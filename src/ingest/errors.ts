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
