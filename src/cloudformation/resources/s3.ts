/** AWS::S3::Bucket (docs: aws-resource-s3-bucket.html) as an empty fixture bucket; a fixture bucket of that name wins. */
import { addEntry, type Created, physicalName, properties, type Stack } from '../stack.js';

export function bucket(props: Record<string, unknown>, logicalId: string, stack: Stack, path: string): Created {
  const p = properties(props, path);
  const name = p.string('BucketName') ?? physicalName(stack, logicalId, 63).toLowerCase();
  if (!stack.universe.buckets.has(name)) {
    addEntry(stack, 'buckets', { name }, path);
  }
  const urlSuffix = stack.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return {
    ref: name,
    attributes: {
      Arn: `arn:${stack.partition}:s3:::${name}`,
      DomainName: `${name}.s3.${urlSuffix}`,
      RegionalDomainName: `${name}.s3.${stack.region}.${urlSuffix}`,
    },
  };
}
