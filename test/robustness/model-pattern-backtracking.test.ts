/**
 * A service-model pattern that backtracks polynomially (MongoDbAtlasEndpointServiceName) never runs on a value far
 * past its maximum length: 40,000 characters are refused for their length at once, instead of blocking the event
 * loop for minutes. Without the bound this test runs into tap's timeout.
 */
import t from 'tap';
import { validateInput } from '../../src/protocol/validate-input.js';

const storage = (endpointServiceName: string) => ({
  name: 'kb',
  roleArn: 'arn:aws:iam::123456789012:role/kb',
  knowledgeBaseConfiguration: {
    type: 'VECTOR',
    vectorKnowledgeBaseConfiguration: { embeddingModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-embed-text-v2:0' },
  },
  storageConfiguration: {
    type: 'MONGO_DB_ATLAS',
    mongoDbAtlasConfiguration: {
      endpoint: 'https://cluster0.example.mongodb.net',
      databaseName: 'db',
      collectionName: 'c',
      vectorIndexName: 'v',
      credentialsSecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:atlas-AbCdEf',
      fieldMapping: { vectorField: 'v', textField: 't', metadataField: 'm' },
      endpointServiceName,
    },
  },
});

const validate = (value: string) => () => validateInput('CreateKnowledgeBase', { pathParams: {}, query: {}, body: storage(value) });

t.test('a hostile value far past the maximum is refused for its length alone', async (t) => {
  const hostile = `arn:aws:s3:::${'0:'.repeat(20_000)}`;
  t.throws(validate(hostile), {
    name: 'ValidationException',
    message: /endpointServiceName' failed to satisfy constraint: Member must have length less than or equal to 255$/,
  });
});

t.test('a value just past the maximum still gets every constraint it breaks, as AWS lists them', async (t) => {
  t.throws(validate(`!${'a'.repeat(300)}`), {
    message:
      /length less than or equal to 255; .*endpointServiceName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
  });
  t.doesNotThrow(validate('com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0'), 'a valid one passes');
});
