/** IAM's `MalformedPolicyDocument` error (HTTP 400); `message` is IAM's own wording. */
export class MalformedPolicyDocumentError extends Error {
  readonly code = 'MalformedPolicyDocument';
  override readonly name = 'MalformedPolicyDocumentError';
}
