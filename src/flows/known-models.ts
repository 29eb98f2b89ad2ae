/**
 * Model identifiers a Prompt or KnowledgeBase node may name: Amazon Bedrock foundation-model ids, the
 * cross-Region inference profiles built from them (`us.` + model id, …), and any model or profile ARN
 * (provisioned, custom, imported and application profiles cannot be listed). Fixtures add their own ids through
 * the reference resolver.
 */

export const KNOWN_MODEL_IDS: readonly string[] = [
  // Amazon
  'amazon.nova-micro-v1:0',
  'amazon.nova-lite-v1:0',
  'amazon.nova-pro-v1:0',
  'amazon.nova-premier-v1:0',
  'amazon.titan-text-express-v1',
  'amazon.titan-text-lite-v1',
  'amazon.titan-text-premier-v1:0',
  'amazon.titan-embed-text-v1',
  'amazon.titan-embed-text-v2:0',
  'amazon.rerank-v1:0',
  // Anthropic
  'anthropic.claude-instant-v1',
  'anthropic.claude-v2',
  'anthropic.claude-v2:1',
  'anthropic.claude-3-haiku-20240307-v1:0',
  'anthropic.claude-3-sonnet-20240229-v1:0',
  'anthropic.claude-3-opus-20240229-v1:0',
  'anthropic.claude-3-5-sonnet-20240620-v1:0',
  'anthropic.claude-3-5-sonnet-20241022-v2:0',
  'anthropic.claude-3-5-haiku-20241022-v1:0',
  'anthropic.claude-3-7-sonnet-20250219-v1:0',
  'anthropic.claude-sonnet-4-20250514-v1:0',
  'anthropic.claude-opus-4-20250514-v1:0',
  'anthropic.claude-opus-4-1-20250805-v1:0',
  'anthropic.claude-sonnet-4-5-20250929-v1:0',
  'anthropic.claude-haiku-4-5-20251001-v1:0',
  // Meta
  'meta.llama3-8b-instruct-v1:0',
  'meta.llama3-70b-instruct-v1:0',
  'meta.llama3-1-8b-instruct-v1:0',
  'meta.llama3-1-70b-instruct-v1:0',
  'meta.llama3-1-405b-instruct-v1:0',
  'meta.llama3-2-1b-instruct-v1:0',
  'meta.llama3-2-3b-instruct-v1:0',
  'meta.llama3-2-11b-instruct-v1:0',
  'meta.llama3-2-90b-instruct-v1:0',
  'meta.llama3-3-70b-instruct-v1:0',
  'meta.llama4-scout-17b-instruct-v1:0',
  'meta.llama4-maverick-17b-instruct-v1:0',
  // Mistral AI
  'mistral.mistral-7b-instruct-v0:2',
  'mistral.mixtral-8x7b-instruct-v0:1',
  'mistral.mistral-small-2402-v1:0',
  'mistral.mistral-large-2402-v1:0',
  'mistral.mistral-large-2407-v1:0',
  'mistral.pixtral-large-2502-v1:0',
  // Cohere
  'cohere.command-text-v14',
  'cohere.command-light-text-v14',
  'cohere.command-r-v1:0',
  'cohere.command-r-plus-v1:0',
  'cohere.embed-english-v3',
  'cohere.embed-multilingual-v3',
  'cohere.rerank-v3-5:0',
  // AI21 Labs, DeepSeek, OpenAI, Writer
  'ai21.jamba-instruct-v1:0',
  'ai21.jamba-1-5-mini-v1:0',
  'ai21.jamba-1-5-large-v1:0',
  'deepseek.r1-v1:0',
  'openai.gpt-oss-20b-1:0',
  'openai.gpt-oss-120b-1:0',
  'writer.palmyra-x4-v1:0',
  'writer.palmyra-x5-v1:0',
];

/** Geography prefixes of system-defined cross-Region inference profiles. */
export const INFERENCE_PROFILE_PREFIXES: readonly string[] = ['us', 'us-gov', 'eu', 'apac', 'jp', 'au', 'global'];

const KNOWN = new Set(KNOWN_MODEL_IDS);
const MODEL_ARN = /^arn:aws(-[a-z-]+)?:(bedrock|sagemaker):[a-z0-9-]{1,20}:(\d{12})?:[a-z-]+\/.+$/;

export function isKnownModelIdentifier(id: string, extraIds: Iterable<string> = []): boolean {
  if (KNOWN.has(id) || MODEL_ARN.test(id) || new Set(extraIds).has(id)) return true;
  const dot = id.indexOf('.');
  return dot > 0 && INFERENCE_PROFILE_PREFIXES.includes(id.slice(0, dot)) && KNOWN.has(id.slice(dot + 1));
}
