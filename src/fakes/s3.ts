/** The fake S3 behind Storage and Retrieval nodes: objects in the fixture buckets, S3's own not-found wording. */
import { notFound } from '../protocol/errors.js';
import type { Bucket, Universe } from '../world/universe.js';

export const s3Uri = (bucket: string, key: string) => `s3://${bucket}/${key}`;
export const s3ObjectArn = (bucket: string, key: string) => `arn:aws:s3:::${bucket}/${key}`;

function bucketOf(universe: Universe, name: string, key: string): Bucket {
  const bucket = universe.buckets.get(name);
  if (!bucket) throw notFound(`The specified bucket does not exist (${s3Uri(name, key)}).`);
  return bucket;
}

export function getObject(universe: Universe, bucketName: string, key: string): Uint8Array {
  const body = bucketOf(universe, bucketName, key).objects.get(key);
  if (!body) throw notFound(`The specified key does not exist (${s3Uri(bucketName, key)}).`);
  return body;
}

export function putObject(universe: Universe, bucketName: string, key: string, body: Uint8Array): void {
  bucketOf(universe, bucketName, key).objects.set(key, body);
}
