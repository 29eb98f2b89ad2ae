/**
 * Knowledge-base retrieval over fixture documents: Okapi BM25 ranking (k1 1.2, b 0.75) with a small English stop
 * list, results shaped like Retrieve API items. Scores are squashed into 0..1 (s / (1 + s)) as relevance scores
 * are. Documents that share no term with the query are not returned.
 */
import type { KnowledgeBaseDocuments } from '../world/universe.js';

export interface RetrievalResult {
  content: { text: string; type: 'TEXT' };
  location?: { type: 'S3'; s3Location: { uri: string } };
  metadata: Record<string, unknown>;
  score: number;
}

interface Index {
  docs: { terms: Map<string, number>; length: number }[];
  documentFrequency: Map<string, number>;
  averageLength: number;
}

const K1 = 1.2;
const B = 0.75;
const STOP_WORDS = new Set(
  'a an and are as at be by do does for from how i in is it its me my of on or our so that the their this to was what when where which who why will with you your'.split(
    ' ',
  ),
);

const tokenize = (text: string): string[] => (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => !STOP_WORDS.has(t));

/** The document list of a knowledge base is fixed once loaded: index it once. */
const indexes = new WeakMap<KnowledgeBaseDocuments, Index>();

function indexOf(documents: KnowledgeBaseDocuments): Index {
  let index = indexes.get(documents);
  if (index) return index;
  const documentFrequency = new Map<string, number>();
  const docs = documents.map((d) => {
    const tokens = tokenize(d.text);
    const terms = new Map<string, number>();
    for (const t of tokens) terms.set(t, (terms.get(t) ?? 0) + 1);
    for (const t of terms.keys()) documentFrequency.set(t, (documentFrequency.get(t) ?? 0) + 1);
    return { terms, length: tokens.length };
  });
  const averageLength = docs.reduce((sum, d) => sum + d.length, 0) / Math.max(1, docs.length);
  indexes.set(documents, (index = { docs, documentFrequency, averageLength }));
  return index;
}

export function retrieve(documents: KnowledgeBaseDocuments, query: string, numberOfResults: number): RetrievalResult[] {
  const index = indexOf(documents);
  const n = index.docs.length;
  const queryTerms = [...new Set(tokenize(query))];
  const scored = index.docs.map((doc, i) => {
    let score = 0;
    for (const term of queryTerms) {
      const tf = doc.terms.get(term);
      if (!tf) continue;
      const df = index.documentFrequency.get(term)!;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / (index.averageLength || 1)));
    }
    return { i, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, numberOfResults)
    .map(({ i, score }) => resultOf(documents[i]!, score / (1 + score)));
}

function resultOf(doc: KnowledgeBaseDocuments[number], score: number): RetrievalResult {
  const metadata: Record<string, unknown> = { ...doc.metadata };
  if (doc.uri) metadata['x-amz-bedrock-kb-source-uri'] = doc.uri;
  return {
    content: { text: doc.text, type: 'TEXT' },
    ...(doc.uri ? { location: { type: 'S3' as const, s3Location: { uri: doc.uri } } } : {}),
    metadata,
    score,
  };
}

/**
 * The prompt RetrieveAndGenerate sends the model. A node's own `textPromptTemplate` may place the query and the
 * results with `$query$` and `$search_results$`, as knowledge-base prompt templates do.
 */
const DEFAULT_GENERATION_TEMPLATE =
  'Answer the question using only the search results.\n\nSearch results:\n$search_results$\n\nQuestion: $query$';

export function generationPrompt(query: string, results: readonly RetrievalResult[], template?: string): string {
  const searchResults = results.map((r, i) => `[${i + 1}] ${r.content.text}`).join('\n');
  // Replacer functions: the texts may hold `$&`-like sequences that a replacement string would interpret.
  return (template ?? DEFAULT_GENERATION_TEMPLATE).replaceAll('$search_results$', () => searchResults).replaceAll('$query$', () => query);
}
